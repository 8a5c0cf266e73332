/**
 * The HTTP path of the yente door through a real @hono/node-server socket (what `room39 serve` runs), on a loaded
 * store: the body is read from the socket without building a web stream (the body limit judges a stated length by
 * its header), the route's answer is the one sent (CORS headers are added to it, not to a copy made through a
 * stream), in one write with its length, with its CORS and security headers; a preflight is answered; a body over
 * the limit is refused whether or not it states its length.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import type { App, AppEnv } from '../../src/server/context.ts';
import { openCrossOrigin } from '../../src/server/middleware/cors.ts';
import { MAX_MATCH_BODY_BYTES } from '../../src/server/middleware/index.ts';
import { openTestServices, type TestServices } from '../support/services.ts';

let ts: TestServices;
let server: ServerType;
let port = 0;
/** Writes handed to the kernel per connection (one per `_write`/`_writev` call of the socket). */
const flushes = new Map<Socket, number>();

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string; flushes: number }

function send(method: string, path: string, body: string | Buffer | null, headers: Record<string, string | number> = {}, chunked = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        // The server's side of this connection is the one whose remote port is our local port.
        const mine = [...flushes.entries()].find(([s]) => s.remotePort === req.socket?.localPort);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, flushes: mine?.[1] ?? -1 });
      });
    });
    req.on('error', reject);
    if (body !== null && chunked) {
      // No Content-Length: Node sends the body chunked, in pieces.
      const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
      for (let i = 0; i < buf.length; i += 1 << 20) req.write(buf.subarray(i, i + (1 << 20)));
      req.end();
    } else {
      req.end(body ?? undefined);
    }
  });
}

const MATCH_BODY = JSON.stringify({ queries: {
  q1: { schema: 'Person', properties: { name: ['Kim Won Hong'] } },
  q2: { schema: 'Company', properties: { name: ['Mansudae Overseas Project Group'] } },
} });

beforeAll(async () => {
  ts = await openTestServices();
  const app = createApp(ts.services);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => { port = info.port; resolve(); });
  });
  server.on('connection', (socket: Socket) => {
    flushes.set(socket, 0);
    const count = <F extends (...a: never[]) => unknown>(f: F) => function (this: Socket, ...a: Parameters<F>) {
      flushes.set(socket, (flushes.get(socket) ?? 0) + 1);
      return f.apply(this, a);
    };
    const s = socket as unknown as { _write: (...a: never[]) => unknown; _writev: (...a: never[]) => unknown };
    s._write = count(s._write);
    s._writev = count(s._writev);
  });
}, 300_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await ts?.dispose();
});

describe('POST /match through the node server', () => {
  it('answers in one write, with its length, CORS and security headers', async () => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(MATCH_BODY), origin: 'http://localhost:3333' };
    const first = await send('POST', '/match/default', MATCH_BODY, headers);
    expect(first.status, first.body).toBe(200);
    const a = await send('POST', '/match/default', MATCH_BODY, headers);
    expect(a.status).toBe(200);
    const json = JSON.parse(a.body) as { responses: Record<string, { results: { id: string }[] }> };
    expect(Object.keys(json.responses)).toEqual(['q1', 'q2']);
    expect(json.responses.q2!.results.length).toBeGreaterThan(0);
    expect(a.body).toBe(first.body);
    expect(a.headers['content-length']).toBe(String(Buffer.byteLength(a.body)));
    expect(a.headers['transfer-encoding']).toBeUndefined();
    // Headers and body in one write to the socket.
    expect(a.flushes).toBe(1);
    expect(a.headers['access-control-allow-origin']).toBe('*');
    expect(a.headers['access-control-expose-headers']).toBe('x-batch-size');
    expect(a.headers['x-batch-size']).toBe('2');
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.headers['cross-origin-resource-policy']).toBe('cross-origin');
  }, 120_000);

  it('reads the body without building a web stream for it', async () => {
    // @hono/node-server builds a web Request, with a ReadableStream over the socket, only when something asks for
    // `c.req.raw.body` (Hono's bodyLimit did); `c.req.json()` otherwise reads the socket directly.
    const Real = globalThis.ReadableStream;
    let made = 0;
    globalThis.ReadableStream = new Proxy(Real, { construct(target, args, newTarget) { made++; return Reflect.construct(target, args, newTarget) as object; } });
    try {
      const a = await send('POST', '/match/default', MATCH_BODY, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(MATCH_BODY) });
      expect(a.status).toBe(200);
      const b = await send('GET', '/api/search?q=Mansudae', null);
      expect(b.status).toBe(200);
    } finally {
      globalThis.ReadableStream = Real;
    }
    expect(made).toBe(0);
  });

  it('answers a refused body with CORS headers too', async () => {
    const bad = '{"queries": {}}';
    const a = await send('POST', '/match/default', bad, { 'content-type': 'application/json', 'content-length': bad.length });
    expect(a.status).toBe(400);
    expect(a.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(a.body)).toHaveProperty('detail');
  });

  it('answers a preflight', async () => {
    const a = await send('OPTIONS', '/match/default', null, { origin: 'http://localhost:3333', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
    expect(a.status).toBe(204);
    expect(a.headers['access-control-allow-origin']).toBe('*');
    expect(a.headers['access-control-allow-methods']).toBe('GET,POST,OPTIONS');
    expect(a.headers['access-control-max-age']).toBe('86400');
    expect(a.headers['access-control-allow-headers']).toBe('content-type');
  });

  it('refuses a body over the limit, with or without its length', async () => {
    const big = Buffer.alloc(MAX_MATCH_BODY_BYTES + 1024, 0x20);
    const stated = await send('POST', '/match/default', big, { 'content-type': 'application/json', 'content-length': big.length });
    expect(stated.status).toBe(413);
    const chunked = await send('POST', '/match/default', big, { 'content-type': 'application/json' }, true);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toHaveProperty('detail');
    // Within the limit and chunked: read and answered.
    const small = await send('POST', '/match/default', MATCH_BODY, { 'content-type': 'application/json' }, true);
    expect(small.status, small.body).toBe(200);
  }, 60_000);
});

describe('openCrossOrigin', () => {
  it('adds its headers to the route\'s own answer, not to a copy', async () => {
    const app: App = new Hono<AppEnv>();
    let sent: Response | null = null;
    let returned: Response | null = null;
    app.use('*', async (c, next) => { await next(); sent = c.res; });
    openCrossOrigin(app, ['/x']);
    app.post('/x', (c) => (returned = c.json({ a: 1 })));
    const res = await app.request('/x', { method: 'POST' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('x-batch-size');
    expect(await res.json()).toEqual({ a: 1 });
    expect(returned).not.toBeNull();
    expect(sent).toBe(returned);
  });
});
