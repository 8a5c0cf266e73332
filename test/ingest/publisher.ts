/**
 * A loopback stand-in for the list publishers: serves files as a publisher's
 * web server would (ETag, Last-Modified, 304 on a conditional request), and,
 * by path prefix, the ways a real one fails: `/ok/…` the file; `/500/…` a
 * server error; `/half/…` a body cut off halfway (Content-Length says more);
 * `/cut/…` the first half of the file, sent as if whole; `/slow/…` a body
 * that stalls; `/html-type/…` the file with an HTML content type;
 * `/html/…` an HTML error page sent as XML; `/empty/…` an empty 200;
 * `/huge/…` a declared 500 MB body; `/stream/…` the file without a length;
 * `/loop/…` a redirect to itself.
 * Files are registered by name (`serve('un.xml', path)`); every request is
 * logged with its conditional headers and the status sent.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served { path: string; status: number; ifNoneMatch: string | null; ifModifiedSince: string | null }

export interface Publisher {
  url(mode: string, name: string): string;
  /** Registers (or replaces) the bytes served under `name`, with a Last-Modified time. */
  serve(name: string, file: string, lastModified?: Date): void;
  requests: Served[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { xml: 'application/xml', csv: 'text/csv', ods: 'application/vnd.oasis.opendocument.spreadsheet' };

export async function startPublisher(): Promise<Publisher> {
  const files = new Map<string, { body: Buffer; etag: string; lastModified: Date }>();
  const requests: Served[] = [];
  const server = http.createServer((req, res) => {
    const [, mode = '', ...rest] = (req.url ?? '/').split('/');
    const name = decodeURIComponent(rest.join('/'));
    const f = files.get(name);
    const ifNoneMatch = req.headers['if-none-match'] ?? null;
    const ifModifiedSince = req.headers['if-modified-since'] ?? null;
    const send = (status: number, headers: Record<string, string | number>, body?: Buffer | string) => {
      requests.push({ path: req.url ?? '', status, ifNoneMatch, ifModifiedSince });
      res.writeHead(status, { ...headers, Connection: 'close' });
      res.end(body);
    };
    if (!f) return send(404, { 'Content-Type': 'text/plain' }, 'no such file');
    const type = TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
    // Connection: close, so a connection cut on purpose in one answer is never reused for the next request.
    const base = { 'Content-Type': type, ETag: f.etag, 'Last-Modified': f.lastModified.toUTCString(), Connection: 'close' };
    if (mode === 'ok' || mode === 'stream') {
      if (ifNoneMatch === f.etag || (!ifNoneMatch && ifModifiedSince && Date.parse(ifModifiedSince) >= Math.floor(f.lastModified.getTime() / 1000) * 1000)) return send(304, { ETag: f.etag });
      if (mode === 'stream') {
        requests.push({ path: req.url ?? '', status: 200, ifNoneMatch, ifModifiedSince });
        res.writeHead(200, { ...base, 'Transfer-Encoding': 'chunked' });
        for (let i = 0; i < f.body.length; i += 65536) res.write(f.body.subarray(i, i + 65536));
        return res.end();
      }
      return send(200, { ...base, 'Content-Length': f.body.length }, f.body);
    }
    if (mode === 'loop') return send(302, { Location: req.url ?? '/' });
    if (mode === '500') return send(500, { 'Content-Type': 'text/plain' }, 'Internal Server Error');
    if (mode === 'html-type') return send(200, { ...base, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': f.body.length }, f.body);
    if (mode === 'html') return send(200, { ...base, 'Content-Type': 'application/xml' }, '<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head><body><h1>Sorry</h1></body></html>\n');
    if (mode === 'empty') return send(200, { ...base, 'Content-Length': 0 });
    if (mode === 'cut') {
      const half = f.body.subarray(0, Math.floor(f.body.length / 2));
      return send(200, { ...base, 'Content-Length': half.length }, half);
    }
    if (mode === 'huge') {
      requests.push({ path: req.url ?? '', status: 200, ifNoneMatch, ifModifiedSince });
      res.writeHead(200, { ...base, 'Content-Length': 500 * 1024 * 1024 });
      res.write(f.body.subarray(0, 1024));
      return setTimeout(() => res.destroy(), 2000).unref();
    }
    if (mode === 'half' || mode === 'slow') {
      requests.push({ path: req.url ?? '', status: 200, ifNoneMatch, ifModifiedSince });
      res.writeHead(200, { ...base, 'Content-Length': f.body.length });
      res.write(f.body.subarray(0, Math.floor(f.body.length / 2)));
      if (mode === 'half') return setTimeout(() => res.destroy(), 50).unref();
      return setTimeout(() => res.destroy(), 30_000).unref();
    }
    return send(400, { 'Content-Type': 'text/plain' }, `unknown mode ${mode}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: (mode, name) => `http://127.0.0.1:${port}/${mode}/${encodeURIComponent(name)}`,
    serve(name, file, lastModified = new Date('2026-03-01T12:00:00Z')) {
      const body = fs.readFileSync(file);
      files.set(name, { body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`, lastModified });
    },
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
