/**
 * Field encryption with AES-256-GCM. Each value gets a fresh 96-bit IV, and
 * its record id and field name are bound in as additional data, so a
 * ciphertext moved to another row or field fails to decrypt. Stored form:
 * `v1:<key id>:<iv b64>:<ciphertext b64>:<tag b64>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Room39Error } from '../errors.ts';
import type { Keyring, TestimonyKey } from './keyring.ts';

export function encryptField(key: TestimonyKey, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1:${key.id}:${iv.toString('base64')}:${ct.toString('base64')}:${cipher.getAuthTag().toString('base64')}`;
}

export function keyIdOf(blob: string): string | null {
  const parts = blob.split(':');
  return parts.length === 5 && parts[0] === 'v1' ? parts[1]! : null;
}

/** Decrypts; the error names the record and field, never the content. */
export function decryptField(ring: Keyring, blob: string, aad: string): string {
  const parts = blob.split(':');
  if (parts.length !== 5 || parts[0] !== 'v1') throw new Room39Error('invalid_data', `${aad} is not in the encrypted form room39 writes`);
  const key = ring.keys.get(parts[1]!);
  if (!key) {
    throw new Room39Error('invalid_data', `${aad} is encrypted with key ${parts[1]}, which is not in the configured keyring (${ring.origin}); put that key in the key file (the current key on the first line, older keys on later lines); if "room39 keys rotate" made it, put it first in the key file (a running server takes the file up when it changes)`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(parts[2]!, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(parts[4]!, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(parts[3]!, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new Room39Error('invalid_data', `${aad} failed its integrity check: the stored ciphertext was altered or moved`);
  }
}
