/**
 * Secrets handed to clients (session ids, CSRF tokens, API tokens): 256 random
 * bits, base64url. Only their SHA-256 is stored; high-entropy secrets need no
 * slow hash, and a stolen database yields nothing that can be replayed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_TOKEN_PREFIX = 'r39_';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${newSecret()}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time string comparison. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function newId(prefix: string): string {
  return `${prefix}${randomBytes(9).toString('base64url')}`;
}
