/**
 * PGlite lets one process at a time use a data directory. When `room39 serve`
 * holds it, read-only commands ask that server over loopback HTTP instead,
 * and get the same JSON documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Room39Error } from '../errors.ts';
import { isProcessAlive } from '../store/data-dir-lock.ts';

export interface ServeAdvert {
  pid: number;
  url: string;
}

export const ADVERT_FILE = 'serve.json';

export function advertiseServer(dataDir: string, url: string): () => void {
  const file = path.join(dataDir, ADVERT_FILE);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, url } satisfies ServeAdvert));
  return () => {
    try {
      fs.unlinkSync(file);
    } catch {
      /* gone already */
    }
  };
}

export interface RemoteRoom39 {
  url: string;
  request<T>(pathAndQuery: string, init?: { method?: string; body?: string; contentType?: string }): Promise<T>;
}

/** The serving process of this data directory, if one is running. */
export function findServer(dataDir: string): RemoteRoom39 | null {
  let advert: ServeAdvert;
  try {
    advert = JSON.parse(fs.readFileSync(path.join(dataDir, ADVERT_FILE), 'utf8')) as ServeAdvert;
  } catch {
    return null;
  }
  if (!advert.pid || advert.pid === process.pid || !isProcessAlive(advert.pid) || !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])/.test(advert.url)) return null;
  return {
    url: advert.url,
    async request<T>(pathAndQuery: string, init: { method?: string; body?: string; contentType?: string } = {}): Promise<T> {
      const res = await fetch(new URL(pathAndQuery, advert.url), {
        method: init.method ?? 'GET',
        body: init.body,
        headers: init.contentType ? { 'content-type': init.contentType } : {},
      });
      const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      if (!res.ok) {
        const code = body?.error?.code === 'not_found' ? 'not_found' : res.status === 400 ? 'invalid_input' : 'conflict';
        throw new Room39Error(code, body?.error?.message ?? `the running server answered ${res.status}`);
      }
      return body as T;
    },
  };
}
