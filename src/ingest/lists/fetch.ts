/**
 * Downloads one official list file from its publisher: a conditional request
 * (If-None-Match / If-Modified-Since from the last successful fetch), a
 * deadline for the whole download, a size limit, and retries with backoff
 * after a network error, a timeout, a cut-off body or a 5xx / 429 answer.
 * The body goes to a temporary file (hashed as it streams); the caller
 * imports it and removes it. Nothing here touches the store: a failed
 * download changes nothing, and its error names the list, the URL and what
 * went wrong.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Room39Error } from '../../errors.ts';

export interface FetchRequest {
  /** The list's dataset name (`us_ofac_sdn`), for messages. */
  dataset: string;
  url: string;
  /** Validators of the last successful fetch from this URL. */
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  /** First backoff pause; doubles after each failed attempt (default 2 s). */
  backoffMs?: number;
  log?: (message: string) => void;
}

export interface NotModified {
  status: 'not_modified';
  url: string;
}

export interface Fetched {
  status: 'fetched';
  url: string;
  /** The temporary file holding the body; the caller removes it (`discard`). */
  file: string;
  bytes: number;
  sha256: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  fetchedAt: string;
}

export type FetchResult = NotModified | Fetched;

/** Content types that are never a list file (an error or login page, an API error). */
const NOT_A_LIST = /^(text\/html|application\/xhtml\+xml|application\/json|application\/problem\+json|image\/|video\/|audio\/)/i;

class Attempt extends Error {
  /** `closed`: the connection closed before any answer (as a kept-alive one the server has just closed does). */
  constructor(message: string, readonly retry: boolean, readonly closed = false) {
    super(message);
  }
}

/** Why the request got no answer at all, in words, and whether trying again may help. */
function noAnswer(e: unknown, timedOut: boolean, timeoutMs: number): Attempt {
  if (timedOut) return new Attempt(`no answer within ${timeoutMs / 1000} s`, true);
  const cause = causeOf(e);
  if (/redirect count exceeded/i.test(cause)) return new Attempt('the server redirected too many times (a redirect loop)', false);
  if (cause === 'UND_ERR_SOCKET') return new Attempt('the server closed the connection without answering', true, true);
  return new Attempt(`could not connect (${cause})`, true);
}

export function fetchFailed(dataset: string, url: string, problem: string, cause?: unknown): Room39Error {
  const said = /nothing was (changed|imported)/.test(problem) ? problem : `${problem}; nothing was changed`;
  return new Room39Error('upstream_failed', said, `${dataset} from ${url}`, cause === undefined ? {} : { cause });
}

/** Does the file start like an HTML page (an error page served in place of the list)? */
export function looksLikeHtml(head: Buffer): boolean {
  const text = head.subarray(0, 2048).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return text.startsWith('<!doctype html') || text.startsWith('<html') || /^<\?xml[^>]*>\s*<(!doctype html|html)/.test(text);
}

async function readHead(file: string, n = 4096): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export { readHead };

/** Removes a fetched file (and its folder). */
export function discard(result: FetchResult): void {
  if (result.status === 'fetched') fs.rmSync(path.dirname(result.file), { recursive: true, force: true });
}

async function attempt(req: FetchRequest): Promise<FetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMs);
  const headers: Record<string, string> = { 'User-Agent': 'room39 (official list update)', Accept: '*/*' };
  if (req.etag) headers['If-None-Match'] = req.etag;
  if (req.lastModified) headers['If-Modified-Since'] = req.lastModified;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-list-'));
  const file = path.join(dir, 'download');
  let keep = false;
  try {
    let res: Response;
    try {
      res = await fetch(req.url, { headers, signal: controller.signal, redirect: 'follow' });
    } catch (e) {
      throw noAnswer(e, controller.signal.aborted, req.timeoutMs);
    }
    if (res.status === 304) {
      await res.body?.cancel();
      return { status: 'not_modified', url: req.url };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      const retry = res.status >= 500 || res.status === 429 || res.status === 408;
      throw new Attempt(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, retry);
    }
    const contentType = res.headers.get('content-type');
    if (contentType && NOT_A_LIST.test(contentType.trim())) {
      await res.body?.cancel();
      throw new Attempt(`the server sent ${contentType.split(';')[0]}, not a list file (a web page or an error message in place of the list)`, false);
    }
    // A compressed body is unpacked as it arrives, so its Content-Length (of the packed bytes) says nothing about what is saved.
    const encoded = !/^(identity)?$/i.test((res.headers.get('content-encoding') ?? '').trim());
    const declared = encoded ? NaN : Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > req.maxBytes) {
      await res.body?.cancel();
      throw new Attempt(`the file is ${mb(declared)} MB, over the limit of ${mb(req.maxBytes)} MB (ROOM39_LIST_MAX_MB)`, false);
    }
    const { bytes, sha256 } = await saveBody(res, file, req, controller.signal, declared);
    if (Number.isFinite(declared) && bytes !== declared) {
      throw new Attempt(`the download was cut off: ${bytes} of ${declared} bytes arrived`, true);
    }
    if (bytes === 0) throw new Attempt('the server answered 200 with an empty body', false);
    if (looksLikeHtml(await readHead(file))) throw new Attempt('the server sent an HTML page, not the list file', false);
    keep = true;
    return {
      status: 'fetched', url: req.url, file, bytes, sha256, contentType,
      etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified'), fetchedAt: new Date().toISOString(),
    };
  } finally {
    clearTimeout(timer);
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Megabytes as ROOM39_LIST_MAX_MB counts them (MiB), so the limit reads as the operator set it. */
const mb = (bytes: number): string => String(Math.round(bytes / 1048576));

function causeOf(e: unknown): string {
  const c = (e as { cause?: { code?: string; message?: string } }).cause;
  return c?.code ?? c?.message ?? (e instanceof Error ? e.message : String(e));
}

async function saveBody(res: Response, file: string, req: FetchRequest, signal: AbortSignal, declared: number): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const out = await fs.promises.open(file, 'w');
  let bytes = 0;
  try {
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        if (bytes > req.maxBytes) {
          throw new Attempt(`the file is over the limit of ${mb(req.maxBytes)} MB (ROOM39_LIST_MAX_MB); download stopped`, false);
        }
        hash.update(chunk);
        await out.write(chunk);
      }
    }
  } catch (e) {
    if (e instanceof Attempt) throw e;
    if (signal.aborted) throw new Attempt(`the download did not finish within ${req.timeoutMs / 1000} s (${bytes} bytes arrived)`, true);
    const of = Number.isFinite(declared) ? ` of ${declared}` : '';
    const why = /^UND_ERR_(SOCKET|RES_CONTENT_LENGTH_MISMATCH)$/.test(causeOf(e)) ? 'the server closed the connection' : causeOf(e);
    throw new Attempt(`the download was cut off after ${bytes}${of} bytes (${why})`, true);
  } finally {
    await out.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Fetches the list, retrying what may pass; throws `upstream_failed` naming list, URL and problem. */
export async function fetchList(req: FetchRequest): Promise<FetchResult> {
  const backoff = req.backoffMs ?? 2000;
  let last: Attempt | null = null;
  // A connection kept alive from the download before (the same mirror) may have been closed by the server while this
  // process was busy importing: the first such close is tried again at once on a new connection, as a browser does.
  let reconnected = false;
  for (let n = 0; n <= req.retries; n++) {
    try {
      return await attempt(req);
    } catch (e) {
      if (!(e instanceof Attempt)) throw fetchFailed(req.dataset, req.url, e instanceof Error ? e.message : String(e), e);
      if (e.closed && !reconnected) {
        reconnected = true;
        n--;
        continue;
      }
      last = e;
      if (!e.retry || n === req.retries) break;
      const pause = Math.min(backoff * 2 ** n, 60_000);
      req.log?.(`${req.dataset}: ${e.message}; trying again in ${(pause / 1000).toFixed(1)} s`);
      await sleep(pause);
    }
  }
  const tries = last?.retry && req.retries > 0 ? ` (${req.retries + 1} attempts)` : '';
  throw fetchFailed(req.dataset, req.url, `${last?.message ?? 'unknown failure'}${tries}`);
}
