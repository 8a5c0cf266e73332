/**
 * The text layer of a PDF, page by page, through unpdf (pdf.js). Pages are
 * joined with a blank line and the offset where each starts is kept, so a
 * quote can be given its page. A PDF whose pages hold no text (a scan) is
 * refused with a message that says so.
 */
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { Room39Error } from '../../errors.ts';

export interface PdfText {
  text: string;
  title: string | null;
  published: string | null;
  url: string | null;
  author: string | null;
  pageStarts: number[];
}

/** PDF dates: D:20170111093000Z → 2017-01-11. */
function pdfDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw.trim());
  return m ? [m[1], m[2], m[3]].filter(Boolean).join('-') : null;
}

export async function pdfToText(bytes: Uint8Array, where: string | null): Promise<PdfText> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the buffer over; give it a copy so the caller's bytes stay usable.
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (e) {
    throw new Room39Error('invalid_input', `not a readable PDF (${(e as Error).message})`, where);
  }
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    const pages = (text as string[]).map((p) => p.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').trim());
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
