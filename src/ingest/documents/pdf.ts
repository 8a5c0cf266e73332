/**
 * The text layer of a PDF, page by page, through unpdf (pdf.js). Pages are
 * joined with a blank line and the offset where each starts is kept, so a
 * quote can be given its page. A PDF whose pages hold no text (a scan) is
 * refused with a message that says so. A PDF is read within caps (pages,
 * characters of text, time): a small file can expand to a great deal of text
 * (2,000 pages sharing one content stream), and is refused, saying which cap
 * it passed, as soon as it does.
 */
import { getDocumentProxy, getMeta } from 'unpdf';
import { Room39Error } from '../../errors.ts';

export interface PdfText {
  text: string;
  title: string | null;
  published: string | null;
  url: string | null;
  author: string | null;
  pageStarts: number[];
}

export interface PdfCaps {
  /** Most pages (default 1000). */
  maxPages: number;
  /** Most characters of text, all pages together (default 5,000,000). */
  maxChars: number;
  /** Most milliseconds of reading (default 30,000); checked between pages. */
  maxMs: number;
}

export const DEFAULT_PDF_CAPS: PdfCaps = { maxPages: 1000, maxChars: 5_000_000, maxMs: 30_000 };

/** PDF dates: D:20170111093000Z → 2017-01-11. */
function pdfDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw.trim());
  return m ? [m[1], m[2], m[3]].filter(Boolean).join('-') : null;
}

export async function pdfToText(bytes: Uint8Array, where: string | null, caps: PdfCaps = DEFAULT_PDF_CAPS): Promise<PdfText> {
  const started = Date.now();
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the buffer over; give it a copy so the caller's bytes stay usable.
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (e) {
    throw new Room39Error('invalid_input', `not a readable PDF (${(e as Error).message})`, where);
  }
  try {
    const totalPages = pdf.numPages;
    if (totalPages > caps.maxPages) {
      throw new Room39Error('too_large', `the PDF has ${totalPages} pages, over the limit of ${caps.maxPages} pages per document (ROOM39_PDF_MAX_PAGES); split it`, where);
    }
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= totalPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) if ('str' in item && item.str != null) text += item.str + (item.hasEOL ? '\n' : '');
      page.cleanup();
      chars += text.length;
      if (chars > caps.maxChars) {
        throw new Room39Error('too_large', `the PDF's text passes ${caps.maxChars.toLocaleString('en-US')} characters by page ${n} of ${totalPages}, over the limit per document (ROOM39_PDF_MAX_CHARS)`, where);
      }
      if (Date.now() - started > caps.maxMs) {
        throw new Room39Error('too_large', `reading the PDF took more than ${Math.round(caps.maxMs / 1000)} s (stopped at page ${n} of ${totalPages}), over the time limit per document`, where);
      }
      pages.push(text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').trim());
    }
    if (pages.every((p) => p === '')) {
      throw new Room39Error(
        'invalid_data',
        `the PDF has ${totalPages} page${totalPages === 1 ? '' : 's'} but no text layer (a scanned document?); run OCR on it and extract again`,
        where,
      );
    }
    const pageStarts: number[] = [];
    let out = '';
    pages.forEach((p, i) => {
      if (i > 0) out += '\n\n';
      pageStarts.push(out.length);
      out += p;
    });
    let info: Record<string, unknown> = {};
    try {
      info = ((await getMeta(pdf)).info ?? {}) as Record<string, unknown>;
    } catch {
      info = {};
    }
    const title = typeof info['Title'] === 'string' && info['Title'].trim() ? info['Title'].trim() : null;
    const author = typeof info['Author'] === 'string' && info['Author'].trim() ? info['Author'].trim() : null;
    return { text: out, title, published: pdfDate(info['CreationDate']), url: null, author, pageStarts };
  } catch (e) {
    if (e instanceof Room39Error) throw e;
    throw new Room39Error('invalid_input', `cannot read the PDF's text (${(e as Error).message})`, where);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/** The 1-based page an offset falls on, or null for a document without pages. */
export function pageOf(pageStarts: readonly number[] | null, offset: number): number | null {
  if (!pageStarts || pageStarts.length === 0) return null;
  let page = 1;
  for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i]! <= offset) page = i + 1;
  return page;
}
