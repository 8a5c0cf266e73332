/**
 * Extraction in worker processes with a budget per document (issue 16, items 2
 * and 3): the pool answers what extraction in this thread answers; a job
 * past its time or memory budget is refused, saying which, and the pool goes
 * on; a PDF past its caps on pages or characters is refused, saying which.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';
import { ExtractionPool } from '../../src/ingest/documents/pool.ts';
import { pdfToText } from '../../src/ingest/documents/pdf.ts';
import { readDocumentBytes } from '../../src/ingest/documents/read.ts';
import { Room39Error } from '../../src/errors.ts';
import { readDocumentSettings } from '../../src/config/settings.ts';
import { makePdf } from './pdf-fixture.ts';

const pools: ExtractionPool[] = [];
afterAll(async () => Promise.all(pools.map((p) => p.close())));
function pool(limits: Partial<ConstructorParameters<typeof ExtractionPool>[0]> = {}): ExtractionPool {
  const p = new ExtractionPool({ workers: 1, timeoutMs: 30_000, memoryMb: 512, ...limits });
  pools.push(p);
  return p;
}

const TEXT = 'Some 3,000 North Korean workers were sent to Russia under Executive Order 13722; the state kept 70% of their wages.';

describe('the extraction pool', () => {
  it('answers what extraction in this thread answers, names resolved against the graph it was given', async () => {
    const p = pool();
    p.setGraph('g1', [{ id: 'r39-test-office', schema: 'Organization', caption: 'Office 39', properties: { name: ['Office 39'], alias: ['Room 39'] }, datasets: ['test'], topics: [], firstSeen: null, lastSeen: null }]);
    const text = `${TEXT} Room 39 runs them.`;
    const got = await p.extract(text);
    expect(got.figures).toEqual((await extract(text)).figures);
    expect(got.mentions.find((m) => m.type === 'organization')).toMatchObject({ text: 'Room 39', entity_id: 'r39-test-office' });
  }, 60_000);

  it('refuses a document past its time budget, saying so, and goes on with the next', async () => {
    const p = pool({ timeoutMs: 300 });
    const long = `${TEXT} `.repeat(60_000); // about 7 MB: far more than 0.3 s of work
    const err = await p.extract(long, 'long.txt').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(Room39Error);
    expect((err as Room39Error).code).toBe('too_large');
    expect((err as Room39Error).message).toMatch(/took longer than 0 s|took longer than \d+ s, the time budget per document/);
    expect((err as Room39Error).where).toBe('long.txt');
    const next = await pool({ timeoutMs: 30_000 }).extract(TEXT);
    expect(next.figures.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a document past its memory budget, saying so, and the same budget reads a small one', async () => {
    // The budget is the worker process's whole heap: 64 MB leaves room for loading its modules (compiled
    // afresh on a clean machine), and a 17 MB text with tens of thousands of figures needs more.
    const p = pool({ memoryMb: 64, timeoutMs: 60_000 });
    expect((await p.extract(TEXT)).figures.length).toBeGreaterThan(0);
    const big = `${TEXT} `.repeat(150_000); // 17 MB of text, many thousands of figures
    const err = await p.extract(big, 'big.txt').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(Room39Error);
    expect((err as Room39Error).message).toMatch(/needed more than 64 MB, the memory budget per document/);
    expect((await p.extract(TEXT)).figures.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('PDF caps', () => {
  const page = (n: number) => [`Page ${n}: some 300 North Korean workers were sent to Russia.`];

  it('refuses a PDF with more pages than allowed, saying how many', async () => {
    const pdf = makePdf(Array.from({ length: 12 }, (_, i) => page(i + 1)));
    await expect(pdfToText(pdf, 'many.pdf', { maxPages: 10, maxChars: 1e6, maxMs: 30_000 })).rejects.toThrow(/12 pages, over the limit of 10 pages per document/);
  });

  it('refuses a PDF whose text passes the character cap, saying on which page', async () => {
    const pdf = makePdf(Array.from({ length: 5 }, (_, i) => page(i + 1)));
    await expect(pdfToText(pdf, 'long.pdf', { maxPages: 100, maxChars: 120, maxMs: 30_000 })).rejects.toThrow(/passes 120 characters by page 3 of 5/);
  });

  it('reads a PDF within its caps in the pool, as in this thread', async () => {
    const pdf = makePdf(Array.from({ length: 3 }, (_, i) => page(i + 1)));
    const here = await readDocumentBytes(pdf, { filename: 'ok.pdf' });
    const p = pool();
    const there = await readDocumentBytes(pdf, { filename: 'ok.pdf', readPdf: (b, where) => p.readPdf(b, where, { maxPages: 10, maxChars: 1e6 }) });
    expect(there).toEqual(here);
  }, 60_000);

  it('refuses a scan in the pool with the message read in this thread, the file named once', async () => {
    const scan = makePdf([[]], { image: true });
    const here = await readDocumentBytes(scan, { filename: 'scan.pdf' }).then(() => null, (e: unknown) => e as Room39Error);
    const p = pool();
    const there = await readDocumentBytes(scan, { filename: 'scan.pdf', readPdf: (b, where) => p.readPdf(b, where, { maxPages: 10, maxChars: 1e6 }) }).then(() => null, (e: unknown) => e as Room39Error);
    expect(here?.message).toBe('scan.pdf: the PDF has 1 page but no text layer (a scanned document?); run OCR on it and extract again');
    expect(there).toMatchObject({ code: here!.code, message: here!.message, where: 'scan.pdf' });
  }, 60_000);
});

describe('the memory budget setting', () => {
  it('refuses a budget too small for a worker to start, saying the least it takes', () => {
    expect(() => readDocumentSettings({ ROOM39_EXTRACT_MEMORY_MB: '16' })).toThrow(/ROOM39_EXTRACT_MEMORY_MB must be at least 64 \(got "16"\)/);
    expect(readDocumentSettings({ ROOM39_EXTRACT_MEMORY_MB: '64' }).memoryMb).toBe(64);
    expect(readDocumentSettings({}).memoryMb).toBe(512);
  });
});
