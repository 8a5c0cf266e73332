/**
 * The testimony key: 32 random bytes, from a key file (ROOM39_KEY_FILE) or the
 * environment (ROOM39_KEY), never from the database. A key file holds one key
 * per line (base64 or hex), the first being the current one; later lines are
 * older keys still accepted for reading, so a rotation can be staged. Keys are
 * named by a fingerprint (the first 16 hex digits of their SHA-256), which is
 * stored beside each ciphertext; the key itself never is.
 */
import fs from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { Room39Error } from '../errors.ts';

export interface TestimonyKey {
  id: string;
  bytes: Buffer;
}

export interface Keyring {
  current: TestimonyKey;
  keys: Map<string, TestimonyKey>;
  /** Where the key came from, for messages: a file path or "ROOM39_KEY". */
  origin: string;
}

export interface KeySettings {
  keyFile: string | null;
  key: string | null;
}

export function keyId(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

function decodeKey(text: string, where: string, line: number): Buffer {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(t) ? Buffer.from(t, 'base64') : null;
  if (!bytes || bytes.length !== 32) {
    throw new Room39Error('invalid_input', `line ${line} is not a 256-bit key (44 base64 or 64 hex characters); make one with: room39 keys generate --out FILE`, where);
  }
  return bytes;
}

export function parseKeys(text: string, where: string): TestimonyKey[] {
  const keys: TestimonyKey[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const bytes = decodeKey(line, where, i + 1);
    keys.push({ id: keyId(bytes), bytes });
  });
  return keys;
}

export function keyringOf(keys: TestimonyKey[], origin: string): Keyring {
  const [current] = keys;
  if (!current) throw new Room39Error('invalid_input', 'holds no key; make one with: room39 keys generate --out FILE', origin);
  return { current, keys: new Map(keys.map((k) => [k.id, k])), origin };
}

/** Reads a key file, refusing one that other users of the machine can read. */
export function readKeyFile(file: string): TestimonyKey[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new Room39Error('invalid_input', 'the testimony key file does not exist or cannot be read', file);
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new Room39Error('invalid_input', `the testimony key file can be read by other users of this machine; run: chmod 600 ${file}`, file);
  }
  return parseKeys(fs.readFileSync(file, 'utf8'), file);
}

/** The configured keyring, or null when no key is configured (protected material then cannot be stored or read). */
export function loadKeyring(settings: KeySettings): Keyring | null {
  if (settings.keyFile) return keyringOf(readKeyFile(settings.keyFile), settings.keyFile);
  if (settings.key) return keyringOf(parseKeys(settings.key, 'ROOM39_KEY'), 'ROOM39_KEY');
  return null;
}

export function requireKeyring(ring: Keyring | null): Keyring {
  if (!ring) {
    throw new Room39Error('forbidden', 'no testimony key is configured, so protected material can be neither stored nor read; set ROOM39_KEY_FILE (see docs/security.md)');
  }
  return ring;
}

/** A new random key, base64. */
export function generateKey(): string {
  return randomBytes(32).toString('base64');
}

/** Writes a new key file readable by its owner only; refuses to overwrite. */
export function writeNewKeyFile(file: string, key = generateKey()): TestimonyKey {
  try {
    fs.writeFileSync(file, `# room39 testimony key: keep it off the database host's backups, and never in the database\n${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Room39Error(code === 'EEXIST' ? 'conflict' : 'invalid_input', code === 'EEXIST' ? 'the file exists already; choose another name' : 'cannot write the key file', file);
  }
  const bytes = Buffer.from(key, 'base64');
  return { id: keyId(bytes), bytes };
}

/** What identifies one state of a file: a replaced or rewritten key file reads differently. */
function fileStamp(file: string): string | null {
  try {
    const s = fs.statSync(file);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch {
    return null;
  }
}

/**
 * The keyring of a process that runs for a long time (`room39 serve`). It
 * takes up the key file again whenever the file changes, so a key put first
 * in it is the one new testimony is encrypted with, without a restart; and a
 * rotation made through this process (`rotated`) makes the new key current at
 * once. Keys it held before stay readable until the process ends, so nothing
 * it wrote, and nothing a rotation moved, is ever unreadable to it. A key
 * file that cannot be read as it is now (half written, readable by others)
 * changes nothing: the keyring stays as it was, and `warn` says why once.
 *
 * `view` is a Keyring whose current key and keys are looked up each time they
 * are read, so a write that waited for the store while the key changed uses
 * the key current when it encrypts.
 */
export class LiveKeyring {
  private stamp: string | null;
  private warned: string | null = null;

  constructor(private ring: Keyring | null, private readonly settings: KeySettings, private readonly warn: (message: string) => void = () => undefined) {
    this.stamp = settings.keyFile ? fileStamp(settings.keyFile) : null;
  }

  /** The keyring as it is now, after taking up a changed key file. */
  get(): Keyring | null {
    const file = this.settings.keyFile;
    if (!file) return this.ring;
    const stamp = fileStamp(file);
    if (stamp === this.stamp) return this.ring;
    try {
      const fresh = keyringOf(readKeyFile(file), file);
      this.ring = { current: fresh.current, keys: new Map([...(this.ring?.keys ?? []), ...fresh.keys]), origin: file };
      this.stamp = stamp;
      this.warned = null;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      if (this.warned !== why) this.warn(`the testimony key file ${file} changed but cannot be used as it is now (${why}); the keys read before stay in use`);
      this.warned = why;
    }
    return this.ring;
  }

  /**
   * A rotation through this process moves every testimony to `key`: it is the current key from now on. Returns how to
   * undo that, for a rotation that did not commit (the key stays readable).
   */
  rotated(key: TestimonyKey): () => void {
    const ring = this.get();
    const before = ring?.current ?? null;
    this.ring = { current: key, keys: new Map([...(ring?.keys ?? []), [key.id, key]]), origin: ring?.origin ?? 'a rotation' };
    return () => { if (before && this.ring) this.ring = { ...this.ring, current: before }; };
  }

  /** A Keyring read live (see above), or null when no key is configured. */
  view(): Keyring | null {
    if (!this.get()) return null;
    const live = () => this.get()!;
    return { get current() { return live().current; }, get keys() { return live().keys; }, get origin() { return live().origin; } };
  }
}
