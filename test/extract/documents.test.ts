/** Reading documents: text, HTML (main text only), PDF (text layer), and every kind of bad input, each with a clear message. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentBytes, readDocumentFile } from '../../src/ingest/documents/read.ts';
import { pageOf } from '../../src/ingest/documents/pdf.ts';
import { extract } from '../../src/extract/extract.ts';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { makePdf } from './pdf-fixture.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-docs-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, data: string | Uint8Array) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, data);
  return f;
};

describe('plain text', () => {
  it('reads a seed document byte for byte, titled by the line above its byline (the site\'s name comes first), with its author', async () => {
    const file = path.join(REPO_ROOT, 'data/sources/seeds/001_ed61e6457cd6775b.txt');
    const doc = await readDocumentFile(file);
    expect(doc.format).toBe('text');
    expect(doc.text).toBe(fs.readFileSync(file, 'utf8'));
    expect(doc.text.startsWith('AMU Homeland Security Intelligence Legislation')).toBe(true);
    expect(doc.title).toBe('North Korea’s Human Trafficking: Par for the Course');
    expect(doc.author).toBe('William Tucker');
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not take a byline for a title (seed 003 opens with "Written by Olivia Enos."), but takes its author', async () => {
    const doc = await readDocumentFile(path.join(REPO_ROOT, 'data/sources/seeds/003_013e44e156a0b3b0.txt'));
    expect(doc.text.startsWith('Written by Olivia Enos.')).toBe(true);
    expect(doc.title).toBeNull();
    expect(doc.author).toBe('Olivia Enos');
  });

  it('titles a text by its first line when it has no byline, passing over a blog\'s archive heading', async () => {
    const first = await readDocumentFile(path.join(REPO_ROOT, 'data/sources/seeds/000_f1b9ea9c34f2a41a.txt'));
    expect([first.title, first.author]).toEqual(['Room 39', null]);
    const blog = await readDocumentFile(path.join(REPO_ROOT, 'data/sources/seeds/002_f37b5ce9e088c4eb.txt'));
    expect(blog.text.startsWith('Category Archives: Human Trafficking')).toBe(true);
    expect(blog.title).toMatch(/^@GloriaSteinem @ChristineAhn & @WomenCrossDMZ: When will you call on Kim Jong-Un/);
  });

  it('reads UTF-16 with a byte-order mark and normalises line endings', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Room 39\r\n95 percent of wages\r\n', 'utf16le')]);
    const doc = await readDocumentBytes(bytes, { filename: 'x.txt' });
    expect(doc.text).toBe('Room 39\n95 percent of wages\n');
  });

  it('keeps Korean and mixed-script text whole, and extraction runs on it', async () => {
    const doc = await readDocumentBytes(Buffer.from('북한 노동자들이 러시아에서 일한다.\nAbout 20,000 North Korean workers are in Russia.', 'utf8'));
    expect(doc.text.startsWith('북한 노동자들이')).toBe(true);
    const r = await extract(doc.text);
    expect(r.figures.find((f) => f.kind === 'worker_count')).toMatchObject({ low: 20000, high: 20000, country: 'RU' });
  });
});

describe('HTML', () => {
  it('keeps the main text and drops scripts, styles, navigation, footers and comments', async () => {
    const html = `<!doctype html><html><head><title>Workers in Qatar</title><meta property="article:published_time" content="2015-11-07T10:00:00Z">
      <link rel="canonical" href="https://example.org/qatar"><script>var x = "95 percent";</script><style>p{color:red}</style></head>
      <body><nav><a href="/">Home</a> | <a href="/about">About Malta</a></nav>
      <article><h1>Workers in Qatar</h1><p>Sources estimate there may be as many as 3,000 North Koreans working on projects in Qatar.</p>
      <p>They keep <b>10 percent</b> of their pay.<script>document.write('Kuwait')</script></p></article>
      <div id="comments"><p>Great post! I think 50,000 workers are in Poland.</p></div><footer>© Someone in Mongolia</footer></body></html>`;
    const doc = await readDocumentBytes(Buffer.from(html), { filename: 'page.html' });
    expect(doc.format).toBe('html');
    expect(doc.text).toBe('Workers in Qatar\n\nSources estimate there may be as many as 3,000 North Koreans working on projects in Qatar.\n\nThey keep 10 percent of their pay.');
    expect(doc).toMatchObject({ title: 'Workers in Qatar', published: '2015-11-07', url: 'https://example.org/qatar' });
    const r = await extract(doc.text);
    expect(r.figures.filter((f) => f.kind !== 'date').map((f) => [f.kind, f.high, f.country])).toEqual([['worker_count', 3000, 'QA'], ['share', 0.1, null]]);
    expect(r.mentions.map((m) => m.country)).not.toContain('MT');
  });

  it('refuses a page with nothing but scripts', async () => {
    await expect(readDocumentBytes(Buffer.from('<html><body><script>alert(1)</script><nav>menu</nav></body></html>'), { filename: 'a.html' }))
      .rejects.toThrow(/a\.html: the HTML page has no main text/);
  });
});

describe('PDF', () => {
  it('reads the text layer page by page, with title and date', async () => {
    const pdf = makePdf([['Between 50,000 and 60,000 North Korean workers are sent abroad.'], ['Most work in Russia; Room 39 takes 95 percent of the pay.']], { title: 'Labour report' });
    const doc = await readDocumentBytes(pdf, { filename: 'report.pdf' });
    expect(doc).toMatchObject({ format: 'pdf', title: 'Labour report', published: '2017-01-11' });
    expect(doc.text).toBe('Between 50,000 and 60,000 North Korean workers are sent abroad.\n\nMost work in Russia; Room 39 takes 95 percent of the pay.');
    expect(doc.pageStarts).toEqual([0, 65]);
    expect(pageOf(doc.pageStarts, doc.text.indexOf('95 percent'))).toBe(2);
    const r = await extract(doc.text);
    expect(r.figures.filter((f) => f.kind !== 'date').map((f) => [f.kind, f.low, f.high])).toEqual([['worker_count', 50000, 60000], ['share', 0.95, 0.95]]);
  });

  it('says so when a PDF has no text layer', async () => {
    await expect(readDocumentBytes(makePdf([], { image: true }), { filename: 'scan.pdf' }))
      .rejects.toThrow('scan.pdf: the PDF has 1 page but no text layer (a scanned document?); run OCR on it and extract again');
  });

  it('refuses a broken PDF clearly', async () => {
    await expect(readDocumentBytes(Buffer.from('%PDF-1.4\nthis is not really a pdf'), { filename: 'bad.pdf' })).rejects.toThrow(/bad\.pdf: not a readable PDF|bad\.pdf: cannot read the PDF/);
  });
});

describe('bad input', () => {
  it('refuses an empty file and a file of white space', async () => {
    await expect(readDocumentFile(write('empty.txt', ''))).rejects.toThrow(/empty\.txt: the document is empty \(0 bytes\)/);
    await expect(readDocumentFile(write('blank.txt', ' \n\t\n'))).rejects.toThrow(/blank\.txt: the document holds only white space/);
  });

  it('refuses binary files', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]);
    await expect(readDocumentFile(write('image.png', png))).rejects.toThrow(/image\.png: not a text, HTML or PDF document/);
    const zeros = Buffer.concat([Buffer.from('hello '), Buffer.alloc(64)]);
    await expect(readDocumentFile(write('zeros.txt', zeros))).rejects.toThrow(/NUL bytes/);
  });

  it('refuses a 200 MB file by its size, before reading it', async () => {
    const file = path.join(tmp, 'huge.txt');
    const fd = fs.openSync(file, 'w');
    fs.ftruncateSync(fd, 200 * 1024 * 1024); // sparse: takes no disk space
    fs.closeSync(fd);
    const before = process.memoryUsage().rss;
    await expect(readDocumentFile(file)).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/huge\.txt: the document is 200\.0 MB, over the limit of 20\.0 MB/) });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('says what is wrong with a missing file or a directory', async () => {
    await expect(readDocumentFile(path.join(tmp, 'nope.txt'))).rejects.toThrow(/nope\.txt: no such file/);
    await expect(readDocumentFile(tmp)).rejects.toThrow(/is a directory/);
  });
});
