/**
 * Reading a document into plain text, the text every extraction offset points
 * into: plain text (UTF-8 or UTF-16 with a byte-order mark), HTML (the main
 * text only: no scripts, styles, navigation, headers, footers or comments;
 * htmlparser2) and PDF (the text layer, page by page; unpdf). Line endings
 * become \n. Refuses, with a message saying what and where: files over the
 * size limit (checked on the file's size before reading it), empty
 * documents, binary files, and PDFs without a text layer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Room39Error } from '../../errors.ts';
import { htmlToText } from './html.ts';
import { pdfToText, DEFAULT_PDF_CAPS, type PdfCaps, type PdfText } from './pdf.ts';

export type DocumentFormat = 'text' | 'html' | 'pdf';
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['text', 'html', 'pdf'];

/** Default largest document accepted: 20 MB. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface DocumentText {
  /** The extracted text; extraction offsets are JavaScript string indices into it. */
  text: string;
  format: DocumentFormat;
  title: string | null;
  /** Publication date as the document states it (ISO 8601, possibly partial), or null. */
  published: string | null;
  url: string | null;
  author: string | null;
  /** For PDFs: the offset in `text` where each page starts. */
  pageStarts: number[] | null;
  bytes: number;
  sha256: string;
}

export interface ReadOptions {
  /** Largest size accepted, in bytes. */
  maxBytes?: number;
  /** Force a format instead of detecting it. */
  format?: DocumentFormat;
  /** The file name, for detection by extension and for messages. */
  filename?: string | null;
  /** The media type the sender gave (HTTP Content-Type), for detection. */
  mediaType?: string | null;
  /** Caps on a PDF's pages, characters and reading time (default: DEFAULT_PDF_CAPS). */
  pdfCaps?: PdfCaps;
  /** Reads a PDF's text layer elsewhere (the server's worker pool); default: here, with `pdfCaps`. */
  readPdf?: (bytes: Uint8Array, where: string | null) => Promise<PdfText>;
}

function humanSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
}

export function tooLarge(size: number, max: number, where: string | null): Room39Error {
  return new Room39Error('too_large', `the document is ${humanSize(size)}, over the limit of ${humanSize(max)}; split it or raise the limit`, where);
}

/** Reads a file, refusing it by its size before reading it whole. */
export async function readDocumentFile(file: string, options: ReadOptions = {}): Promise<DocumentText> {
  const max = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Room39Error(code === 'ENOENT' ? 'not_found' : 'invalid_input', code === 'ENOENT' ? 'no such file' : `cannot read the file (${(e as Error).message})`, file);
  }
  if (stat.isDirectory()) throw new Room39Error('invalid_input', 'is a directory, not a document', file);
  if (stat.size > max) throw tooLarge(stat.size, max, file);
  const bytes = await fs.promises.readFile(file);
  return readDocumentBytes(bytes, { ...options, filename: options.filename ?? file });
}

/** Detects the format from the bytes first (a PDF starts %PDF-), then the media type and the file name. */
export function detectFormat(bytes: Uint8Array, filename: string | null, mediaType: string | null): DocumentFormat {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-') || /^\s{0,16}%PDF-/.test(head)) return 'pdf';
  const type = (mediaType ?? '').toLowerCase();
  const ext = filename ? path.extname(filename).toLowerCase() : '';
  if (type.includes('pdf') || ext === '.pdf') return 'pdf';
  if (type.includes('html') || ['.html', '.htm', '.xhtml'].includes(ext)) return 'html';
  if (/^(?:\ufeff)?\s*<(?:!doctype\s+html|html|head|body)\b/i.test(head.replace(/^\xef\xbb\xbf/, ''))) return 'html';
  return 'text';
}

/** Decodes text bytes: UTF-8, or UTF-16 with a byte-order mark. Binary data is refused. */
export function decodeText(bytes: Uint8Array, where: string | null): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new Room39Error('invalid_input', 'not a text, HTML or PDF document (the bytes are not UTF-8 text; is it a binary file, or text in another encoding? save it as UTF-8)', where);
    }
  }
  // NUL and other control characters (beyond tab, newline, carriage return, form feed) mean binary data.
  let control = 0;
  for (let i = 0; i < Math.min(text.length, 65536); i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new Room39Error('invalid_input', 'not a text, HTML or PDF document (it holds NUL bytes: a binary file)', where);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 16 && control > Math.min(text.length, 65536) / 100) {
    throw new Room39Error('invalid_input', 'not a text, HTML or PDF document (too many control characters: a binary file)', where);
  }
  return text.replace(/^\ufeff/, '');
}

/** Reads a document from bytes already in memory (an upload, a file). */
export async function readDocumentBytes(bytes: Uint8Array, options: ReadOptions = {}): Promise<DocumentText> {
  const where = options.filename ?? null;
  const max = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (bytes.byteLength > max) throw tooLarge(bytes.byteLength, max, where);
  if (bytes.byteLength === 0) throw new Room39Error('invalid_input', 'the document is empty (0 bytes): nothing to extract', where);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = options.format ?? detectFormat(bytes, options.filename ?? null, options.mediaType ?? null);
  let doc: Omit<DocumentText, 'bytes' | 'sha256' | 'format'>;
  if (format === 'pdf') {
    doc = options.readPdf ? await options.readPdf(bytes, where) : await pdfToText(bytes, where, options.pdfCaps ?? DEFAULT_PDF_CAPS);
  } else {
    const raw = decodeText(bytes, where).replace(/\r\n?/g, '\n');
    doc = format === 'html' ? htmlToText(raw) : { text: raw, ...plainTextHeading(raw), published: null, url: null, pageStarts: null };
  }
  if (doc.text.trim() === '') {
    throw new Room39Error(
      'invalid_input',
      format === 'html' ? 'the HTML page has no main text (only scripts, navigation or markup): nothing to extract' : 'the document holds only white space: nothing to extract',
      where,
    );
  }
  return { ...doc, format, bytes: bytes.byteLength, sha256 };
}

const BYLINE = /^(?:written |reported |posted )?by\s+(.+?)\.?$/i;
/** A blog's archive heading ("Category Archives: Human Trafficking"): the site's, not the text's. */
const ARCHIVE_HEADING = /^(?:category|tag)? ?archives?:/i;

/**
 * A plain text's title and author, as a page copied to text opens: the line just above its byline ("By William
 * Tucker", "Written by …") when one stands among the first lines (a site's name may come first: seed 001), else the
 * first line short enough to be a title that is not a byline or an archive heading; the author from the byline.
 */
function plainTextHeading(text: string): { title: string | null; author: string | null } {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, 5);
  const at = lines.findIndex((l) => l.length <= 120 && BYLINE.test(l));
  const author = at >= 0 ? BYLINE.exec(lines[at]!)![1]!.trim() : null;
  const heading = at > 0 ? lines[at - 1]! : lines.find((l, i) => i !== at && !ARCHIVE_HEADING.test(l)) ?? '';
  return { title: heading && heading.length <= 200 && !BYLINE.test(heading) && at !== 0 ? heading : null, author };
}
