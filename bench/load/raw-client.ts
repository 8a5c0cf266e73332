/**
 * A lean HTTP/1.1 keep-alive client for the load generator (open-loop.ts): requests written straight onto `net`
 * sockets and answers read by their status line, Content-Length or chunked framing, nothing else parsed. Node's
 * `http` client costs about 0.6 ms of CPU a request, which at 800 requests/s is two fifths of a core taken from a
 * 2-core machine the server shares; this one costs a fraction of that, as a C tool such as wrk would. One request
 * at a time per connection (no pipelining); a request finding every connection busy waits for the first free one.
 */
import net from 'node:net';

export interface RawAnswer { status: number; bytes: number }

interface Waiting { head: Buffer; body: Buffer; done: (err: Error | null, answer?: RawAnswer) => void; timeoutMs: number }

const CRLFCRLF = Buffer.from('\r\n\r\n');

class Connection {
  private socket: net.Socket | null = null;
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private current: Waiting | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Parsed head of the answer being read: its status, and its body length (-1: chunked). */
  private head: { status: number; length: number; headBytes: number } | null = null;

  constructor(private readonly host: string, private readonly port: number, private readonly onFree: (c: Connection) => void) {}

  get busy(): boolean {
    return this.current !== null;
  }

  send(w: Waiting): void {
    this.current = w;
    if (!this.socket) this.open();
    this.timer = setTimeout(() => this.fail(new Error('timeout')), w.timeoutMs);
    this.socket!.cork();
    this.socket!.write(w.head);
    if (w.body.length) this.socket!.write(w.body);
    this.socket!.uncork();
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private open(): void {
    const s = net.connect({ host: this.host, port: this.port, noDelay: true });
    s.on('data', (d: Buffer) => this.read(d));
    s.on('error', (e) => this.fail(e));
    s.on('close', () => { if (this.socket === s) { this.socket = null; if (this.current) this.fail(new Error('connection closed')); } });
    this.socket = s;
  }

  private fail(err: Error): void {
    const w = this.current;
    this.reset();
    this.close();
    if (w) { w.done(err); this.onFree(this); }
  }

  private reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
    this.head = null;
    this.buffered = [];
    this.bufferedBytes = 0;
  }

  private read(d: Buffer): void {
    if (!this.current) return;
    this.buffered.push(d);
    this.bufferedBytes += d.length;
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered, this.bufferedBytes);
    this.buffered = [all];
    if (!this.head) {
      const end = all.indexOf(CRLFCRLF);
      if (end < 0) return;
      const text = all.toString('latin1', 0, end);
      const status = Number(text.slice(9, 12));
      const cl = /\r\ncontent-length:\s*(\d+)/i.exec(text);
      const chunked = /\r\ntransfer-encoding:\s*chunked/i.test(text);
      this.head = { status, length: cl ? Number(cl[1]) : chunked ? -1 : 0, headBytes: end + 4 };
    }
    const { status, length, headBytes } = this.head;
    if (length >= 0) {
      if (all.length - headBytes < length) return;
    } else if (!chunkedComplete(all, headBytes)) return;
    const w = this.current;
    this.reset();
    w.done(null, { status, bytes: all.length });
    this.onFree(this);
  }
}

/** Whether a chunked body starting at `from` has reached its last (zero-length) chunk and the blank line after it. */
function chunkedComplete(b: Buffer, from: number): boolean {
  let at = from;
  for (;;) {
    const lineEnd = b.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return false;
    const size = parseInt(b.toString('latin1', at, lineEnd), 16);
    if (!Number.isFinite(size)) return false;
    if (size === 0) return b.indexOf(CRLFCRLF, lineEnd) === lineEnd;
    at = lineEnd + 2 + size + 2;
    if (at > b.length) return false;
  }
}

/** Up to `connections` keep-alive connections to one server; requests beyond them wait in order. */
export class RawClient {
  private readonly idle: Connection[] = [];
  private readonly all: Connection[] = [];
  private readonly queue: Waiting[] = [];

  constructor(private readonly host: string, private readonly port: number, private readonly connections: number) {}

  request(method: string, path: string, body: string | undefined, timeoutMs: number): Promise<RawAnswer> {
    const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
    const head = Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\n${body === undefined ? '' : `Content-Type: application/json\r\nContent-Length: ${bytes.length}\r\n`}\r\n`, 'latin1');
    return new Promise((resolve, reject) => {
      const w: Waiting = { head, body: bytes, timeoutMs, done: (err, answer) => (err ? reject(err) : resolve(answer!)) };
      const c = this.idle.pop() ?? (this.all.length < this.connections ? this.connection() : null);
      if (c) c.send(w);
      else this.queue.push(w);
    });
  }

  close(): void {
    for (const c of this.all) c.close();
  }

  private connection(): Connection {
    const c = new Connection(this.host, this.port, (free) => {
      const next = this.queue.shift();
      if (next) free.send(next);
      else this.idle.push(free);
    });
    this.all.push(c);
    return c;
  }
}
