/**
 * Password hashing with scrypt (memory-hard, node:crypto). The stored form
 * carries its own parameters, so they can be raised later without breaking
 * existing hashes: `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>`.
 * Parameters follow OWASP's scrypt guidance (N=2^15, r=8, p=3: 32 MiB).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Room39Error } from '../errors.ts';

const LOG_N = 15;
const R = 8;
const P = 3;
const KEY_LEN = 32;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

function scryptAsync(password: string, salt: Buffer, keyLen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLen, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const params = (logN: number, r: number, p: number): ScryptOptions => ({ N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r * p + 16 * 1024 * 1024 });

/** Refuses passwords too short to resist guessing; says why. */
export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Room39Error('invalid_input', `a password needs at least ${MIN_PASSWORD_LENGTH} characters (a passphrase of several words is easiest to remember)`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw new Room39Error('invalid_input', `a password has at most ${MAX_PASSWORD_LENGTH} characters`);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LEN, params(LOG_N, R, P));
  return `scrypt$${LOG_N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every((x) => Number.isInteger(x) && x > 0) || logN > 22) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const key = await scryptAsync(password, salt, expected.length, params(logN, r, p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of no password, verified against when a username is unknown, so both take the same time. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(24).toString('base64')));
}
