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
