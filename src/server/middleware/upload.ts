/**
 * Checks an uploaded document before any route sees it: size, a plain file
 * name (no path, no traversal, no control characters), an allowed type
 * (txt, html, pdf), and content that is what its name and type claim (a PDF
 * starts with %PDF-, text holds no NUL bytes, no executables or archives).
 * Applies to multipart uploads (every file part) and to raw bodies sent as
 * text/plain, text/html or application/pdf; JSON bodies are left to the route.
 * The parsed body is cached by Hono, so the route reads it again for free.
 */
import path from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { Room39Error } from '../../errors.ts';
import { errorResponse } from '../errors.ts';

export const UPLOAD_TYPES: Record<string, { ext: string[]; mime: string[] }> = {
  txt: { ext: ['.txt', '.text', '.md'], mime: ['text/plain', 'text/markdown'] },
  html: { ext: ['.html', '.htm'], mime: ['text/html', 'application/xhtml+xml'] },
  pdf: { ext: ['.pdf'], mime: ['application/pdf'] },
};

const CODE_OF_STATUS = { 400: 'invalid_input', 413: 'too_large', 415: 'unsupported_type' } as const;

/** An upload refused before any route reads it. */
export class UploadRejected extends Room39Error {
  constructor(message: string, status: keyof typeof CODE_OF_STATUS = 400) {
    super(CODE_OF_STATUS[status], message);
  }
}

/** A file name safe to keep: its last path part, without control characters; throws on anything that tries to climb out. */
export function safeUploadName(name: string): string {
  if (name.length === 0) throw new UploadRejected('the uploaded file has no name');
  if (Buffer.byteLength(name) > 255) throw new UploadRejected('the file name is longer than 255 bytes');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new UploadRejected('the file name holds control characters');
  if (/[/\\]/.test(name) || name === '.' || name === '..' || name.startsWith('.') || path.isAbsolute(name) || /^[A-Za-z]:/.test(name)) {
    throw new UploadRejected('the file name must be a plain name, without folders (no "/", "\\", ".." or leading ".")');
  }
  return name;
}

function kindOfName(name: string): string | null {
  const ext = path.extname(name).toLowerCase();
  for (const [kind, t] of Object.entries(UPLOAD_TYPES)) if (t.ext.includes(ext)) return kind;
  return null;
}

function kindOfMime(mime: string): string | null {
  const base = mime.split(';')[0]!.trim().toLowerCase();
  for (const [kind, t] of Object.entries(UPLOAD_TYPES)) if (t.mime.includes(base)) return kind;
  return null;
}

const MAGIC: [string, number[]][] = [
  ['an executable', [0x4d, 0x5a]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['an archive', [0x50, 0x4b, 0x03, 0x04]],
  ['an archive', [0x1f, 0x8b]],
];

/** Checks content against its claimed kind; returns the kind. */
export function checkUploadContent(bytes: Uint8Array, claimed: string): void {
  const head = bytes.subarray(0, 8);
  for (const [what, magic] of MAGIC) {
    if (magic.every((b, i) => head[i] === b)) throw new UploadRejected(`the file is ${what}, not a txt, html or pdf document`, 415);
  }
  const isPdf = Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
  if (claimed === 'pdf' && !isPdf) throw new UploadRejected('the file is named or typed as a PDF but is not one (no %PDF- header)', 415);
  if (claimed !== 'pdf') {
    if (isPdf && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') throw new UploadRejected(`the file is a PDF but is named or typed as ${claimed}`, 415);
    if (bytes.subarray(0, 65536).includes(0)) throw new UploadRejected('the file holds binary data (NUL bytes); text and html documents must be text', 415);
  }
}

function checkFile(name: string | null, mime: string, bytes: Uint8Array, maxBytes: number): void {
  if (bytes.byteLength > maxBytes) throw new UploadRejected(`the file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB (ROOM39_MAX_UPLOAD_MB)`, 413);
  const byName = name !== null ? kindOfName(safeUploadName(name)) : null;
  if (name !== null && byName === null) throw new UploadRejected('only .txt, .html and .pdf documents are accepted', 415);
  const byMime = mime && mime !== 'application/octet-stream' ? kindOfMime(mime) : null;
  if (mime && mime !== 'application/octet-stream' && byMime === null) throw new UploadRejected(`the type ${mime.slice(0, 80)} is not accepted; send text/plain, text/html or application/pdf`, 415);
  if (byName && byMime && byName !== byMime) throw new UploadRejected(`the file name says ${byName} but its type says ${byMime}`, 415);
  const claimed = byName ?? byMime;
  if (!claimed) throw new UploadRejected('say what the document is: a .txt, .html or .pdf name, or its content type', 415);
  checkUploadContent(bytes, claimed);
}

function filenameFromHeaders(c: Context): string | null {
  const disposition = c.req.header('content-disposition');
  const m = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  if (m) {
    try {
      return decodeURIComponent(m[1]!);
    } catch {
      return m[1]!;
    }
  }
  return c.req.header('x-filename') ?? c.req.query('filename') ?? null;
}

export function uploadGuard(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    try {
      const declared = Number(c.req.header('content-length') ?? '0');
      if (declared > maxBytes + 64 * 1024) throw new UploadRejected(`the upload is over the ${(maxBytes / 1048576).toFixed(0)} MB limit (ROOM39_MAX_UPLOAD_MB)`, 413);
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody({ all: true });
        for (const value of Object.values(body)) {
          for (const part of Array.isArray(value) ? value : [value]) {
            if (typeof part === 'string') continue;
            checkFile(part.name, part.type, new Uint8Array(await part.arrayBuffer()), maxBytes);
          }
        }
      } else if (type.startsWith('application/json') || type.startsWith('application/x-www-form-urlencoded')) {
        // JSON and form fields: text the route validates itself (bodyLimit bounds the size).
      } else if (type) {
        checkFile(filenameFromHeaders(c), type, new Uint8Array(await c.req.arrayBuffer()), maxBytes);
      } else {
        throw new UploadRejected('the upload has no Content-Type; send multipart/form-data, text/plain, text/html or application/pdf', 415);
      }
    } catch (e) {
      if (e instanceof UploadRejected) return errorResponse(c, e);
      throw e;
    }
    await next();
  };
}
