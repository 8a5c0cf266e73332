/**
 * An open-loop load generator: requests start at their own times (Poisson
 * arrivals at the given rate, seeded, or evenly spaced), whatever the
 * answers before them are doing, the way independent clients arrive; each
 * latency runs from the request's scheduled start to the end of its answer,
 * so a client that falls behind (all connections busy) counts as waiting.
 *
 * Why not autocannon's `overallRate`: it gives each of its connections
 * `rate / connections` requests a second and lets every connection send its
 * share back to back at the top of a second that all connections share. At
 * 100/s over 50 connections the server sees 50 requests at once, then 50
 * more, then nothing for the rest of the second: latency becomes the length
 * of that queue (~50 × the cost of one request) at any average rate. It also
 * "corrects" for coordinated omission with an expected interval of
 * ceil(1 / per-connection rate) = 1 ms, recording a response of L ms as L
 * samples (L, L−1, … 1), so a rare slow answer weighs as many as a hundred
 * fast ones. Both made /match look as if it waited on something other than
 * its CPU (bench/load/README.md, 2026-12-06 08:00–08:40).
 */
import http from 'node:http';
import { mulberry32 } from '../support/random.ts';
import { RawClient } from './raw-client.ts';

export interface OpenLoopOptions {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  /** The request body: the same text every time, or a new one for each request. */
  body?: string | (() => string);
  rate: number;
  seconds: number;
  /** At most this many requests in flight (keep-alive connections); a request beyond them waits, and its wait counts. */
  connections: number;
  /** A request unanswered this long is a timeout (ms). */
  timeoutMs?: number;
  arrivals?: 'poisson' | 'even';
  seed?: number;
  /** `raw` (default): the lean socket client of raw-client.ts; `node`: Node's http client (about 0.6 ms of CPU a request more). */
  client?: 'raw' | 'node';
}

export interface OpenLoopResult {
  requests: number; rps: number; p50_ms: number; p90_ms: number; p99_ms: number; max_ms: number;
  errors: number; timeouts: number; non2xx: number;
  /** Requests sent later than scheduled by more than 10 ms because the generator itself was late (its process starved of CPU). */
  late_starts: number;
  /** This process's CPU time per request (user + system, ms): what the generator took from the machine. */
  client_cpu_ms_per_request: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Runs one load step; resolves when every scheduled request has been answered, refused or timed out. */
export async function openLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = new URL(o.path, o.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const rnd = mulberry32(o.seed ?? 16);
  const total = Math.max(1, Math.round(o.rate * o.seconds));
  const latencies: number[] = [];
  let errors = 0, timeouts = 0, non2xx = 0, late = 0, done = 0, lastEnd = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now() + 20;

  const timeoutMs = o.timeoutMs ?? 10_000;
  const raw = o.client === 'node' ? null : new RawClient(target.hostname, Number(target.port || 80), o.connections);
  const bodyOf = () => (o.body === undefined ? undefined : typeof o.body === 'function' ? o.body() : o.body);
  const answered = (scheduled: number) => { lastEnd = performance.now(); latencies.push(lastEnd - scheduled); };
  const sendRaw = (client: RawClient, scheduled: number) => client.request(o.method, target.pathname + target.search, bodyOf(), timeoutMs).then(
    (a) => { if (a.status < 200 || a.status >= 300) non2xx++; answered(scheduled); },
    (e: Error) => { if (e.message === 'timeout') timeouts++; else errors++; },
  );
  const sendNode = (scheduled: number) => new Promise<void>((resolve) => {
    const body = bodyOf();
    const headers: Record<string, string | number> = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method: o.method, headers }, (res) => {
      if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300) non2xx++;
      res.on('data', () => undefined);
      res.on('end', () => { answered(scheduled); resolve(); });
      res.on('error', () => { errors++; resolve(); });
    });
    req.setTimeout(timeoutMs, () => { timeouts++; req.destroy(new Error('timeout')); });
    req.on('error', (e) => { if (e.message !== 'timeout') errors++; resolve(); });
    req.end(body);
  });
  const send = (scheduled: number) => (raw ? sendRaw(raw, scheduled) : sendNode(scheduled));

  // Start times: `total` requests in `seconds`, evenly spaced, or at uniform random times (sorted), which is a Poisson
  // process of that many arrivals in that time: the offered rate is exactly `rate` either way.
  const offsets = o.arrivals === 'even'
    ? Array.from({ length: total }, (_, i) => (i * 1000) / o.rate)
    : Array.from({ length: total }, () => rnd() * o.seconds * 1000).sort((a, b) => a - b);
  await new Promise<void>((finish) => {
    let sent = 0;
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + offsets[sent]! <= now) {
        const scheduled = start + offsets[sent]!;
        if (now - scheduled > 10) late++;
        sent++;
        void send(scheduled).then(() => { if (++done === total) finish(); });
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(start + offsets[sent]! - performance.now(), 50)));
    };
    setTimeout(tick, 20);
  });
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  raw?.close();
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    // Answered requests over the time from the first start to the last answer (at least the step): a server that falls behind shows it.
    requests: latencies.length, rps: latencies.length / Math.max(o.seconds, (lastEnd - start) / 1000),
    p50_ms: round(quantile(latencies, 0.5)), p90_ms: round(quantile(latencies, 0.9)), p99_ms: round(quantile(latencies, 0.99)), max_ms: round(latencies.at(-1) ?? 0),
    errors, timeouts, non2xx, late_starts: late,
    client_cpu_ms_per_request: Math.round((cpu.user + cpu.system) / 1000 / total * 100) / 100,
  };
}
