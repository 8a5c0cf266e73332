/**
 * One mirror serving every list (ROOM39_LIST_URL_* pointing at the same
 * host): the next list's download goes out on the connection kept alive from
 * the one before, which the server may have closed while room39 was busy
 * importing. That close is not the publisher failing: the download is tried
 * again at once on a new connection, with no retry spent and no backoff
 * (room39 lists update logged "could not connect (UND_ERR_SOCKET); trying
 * again in 2.0 s" between lists, and failed the list with
 * ROOM39_LIST_RETRIES=0). A server that closes every connection unanswered
 * still fails, saying so.
 */
import http from 'node:http';
import fs from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discard, fetchList } from '../../src/ingest/lists/fetch.ts';
import { OFFICIAL } from '../support/official.ts';

const body = fs.readFileSync(OFFICIAL.unXml);
const sockets = new Set<Socket>();
let hangUp = false;
let answered = 0;
const server = http.createServer((_req, res) => {
  if (hangUp) return res.socket?.destroy();
  answered++;
  res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': body.length });
  res.end(body);
});
server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/consolidated.xml`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const req = () => ({ dataset: 'un_sc_sanctions', url, timeoutMs: 20_000, maxBytes: 50 * 1048576, retries: 0, backoffMs: 5_000 });

describe('a kept-alive connection the server closed meanwhile', () => {
  it('is not a failure: the next download is tried again at once on a new connection', async () => {
    const logged: string[] = [];
    for (let i = 0; i < 3; i++) {
      const got = await fetchList({ ...req(), log: (m) => logged.push(m) });
      expect(got.status === 'fetched' && got.bytes).toBe(body.length);
      discard(got);
      // The server ends the idle connection (its keep-alive timeout) just as the next list is asked for.
      for (const s of sockets) s.destroy();
    }
    expect(answered).toBe(3);
    expect(logged).toEqual([]);
  });

  it('a server that closes every connection unanswered still fails, in words', async () => {
    hangUp = true;
    try {
      await expect(fetchList(req())).rejects.toThrow(/un_sc_sanctions from http:\/\/127\.0\.0\.1:\d+\/consolidated\.xml: the server closed the connection without answering; nothing was changed/);
    } finally {
      hangUp = false;
    }
  });
});
