/**
 * Testimony at rest and in edits: ciphertext bound to its row and field,
 * key rotation all-or-nothing, key files private, and two editors changing
 * the same record get a conflict instead of a silent overwrite (If-Match).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestimony, readTestimony, rotateTestimonyKey, keyUsage } from '../../src/testimony/store.ts';
import { generateKey, keyringOf, parseKeys, readKeyFile, writeNewKeyFile } from '../../src/testimony/keyring.ts';
import { decryptField, encryptField } from '../../src/testimony/cipher.ts';
import { hashPassword, verifyPassword } from '../../src/auth/password.ts';
import { harness, type Harness } from './support.ts';

describe('testimony protection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('pglite', {}, { bundle: false });
  });
  afterAll(async () => h?.dispose());

  it('binds each ciphertext to its record and field, and detects alteration', () => {
    const ring = h.keyring;
    const blob = encryptField(ring.current, 'Park XX, 45', 'testimony a pseudonym');
    expect(decryptField(ring, blob, 'testimony a pseudonym')).toBe('Park XX, 45');
    expect(() => decryptField(ring, blob, 'testimony b pseudonym')).toThrow(/integrity/);
    const parts = blob.split(':');
    const flipped = Buffer.from(parts[3]!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    parts[3] = flipped.toString('base64');
    expect(() => decryptField(ring, parts.join(':'), 'testimony a pseudonym')).toThrow(/integrity/);
    const other = keyringOf(parseKeys(generateKey(), 'other'), 'other');
    expect(() => decryptField(other, blob, 'testimony a pseudonym')).toThrow(/not in the configured keyring/);
  });

  it('a ciphertext moved to another row does not decrypt there', async () => {
    const a = await createTestimony(h.t.db, h.keyring, { id: 'tm-move-a', pseudonym: 'A XX', narrative: 'narrative A' }, 'test');
    await createTestimony(h.t.db, h.keyring, { id: 'tm-move-b', pseudonym: 'B XX', narrative: 'narrative B' }, 'test');
    await h.t.db.query(`UPDATE testimonies SET narrative_enc = (SELECT narrative_enc FROM testimonies WHERE id = 'tm-move-a') WHERE id = 'tm-move-b'`);
    await expect(readTestimony(h.t.db, h.keyring, 'tm-move-b', { actor: 'test', role: 'admin' })).rejects.toThrow(/integrity/);
    expect((await readTestimony(h.t.db, h.keyring, a.id, { actor: 'test', role: 'admin' })).narrative).toBe('narrative A');
    await h.t.db.query(`DELETE FROM testimonies WHERE id = 'tm-move-b'`);
  });

  it('two editors changing the same testimony: the second gets 409, not a silent overwrite', async () => {
    const created = await h.call('POST', '/api/testimony', { as: h.logins.editor, body: { pseudonym: 'Jang XX, 29', narrative: 'first version' } });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { testimony: { id: string } }).testimony.id;
    const read1 = await h.call('GET', `/api/testimony/${id}`, { as: h.logins.editor });
    const read2 = await h.call('GET', `/api/testimony/${id}`, { as: h.logins.admin });
    const etag = read1.headers.get('etag')!;
    expect(etag).toBe('"1"');
    expect(read2.headers.get('etag')).toBe(etag);
    const first = await h.call('PUT', `/api/testimony/${id}`, { as: h.logins.editor, body: { narrative: 'editor one' }, headers: { 'if-match': etag } });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const second = await h.call('PUT', `/api/testimony/${id}`, { as: h.logins.admin, body: { narrative: 'editor two' }, headers: { 'if-match': etag } });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('conflict');
    const none = await h.call('PUT', `/api/testimony/${id}`, { as: h.logins.admin, body: { narrative: 'no precondition' } });
    expect(none.status).toBe(400);
    const final = await readTestimony(h.t.db, h.keyring, id, { actor: 'test', role: 'admin' });
    expect(final.narrative).toBe('editor one');
    expect(final.version).toBe(2);
    const audit = await h.t.db.query<{ action: string; meta: unknown; after: unknown }>(`SELECT action, meta, after FROM audit_log WHERE target = $1 ORDER BY n`, [id]);
    expect(audit.map((a) => a.action)).toEqual(['testimony.create', 'testimony.read', 'testimony.read', 'testimony.update', 'testimony.read']);
    expect(JSON.stringify(audit)).not.toMatch(/editor one|first version|Jang XX/);
  });

  it('two admins changing the same account role: the second gets 409', async () => {
    const got = await h.call('GET', '/api/users/viewer-user', { as: h.logins.admin });
    const etag = got.headers.get('etag')!;
    expect((await h.call('PATCH', '/api/users/viewer-user', { as: h.logins.admin, body: { role: 'analyst' }, headers: { 'if-match': etag } })).status).toBe(200);
    expect((await h.call('PATCH', '/api/users/viewer-user', { as: h.logins.admin, body: { role: 'editor' }, headers: { 'if-match': etag } })).status).toBe(409);
  });

  it('rotates every testimony to a new key in one transaction; the old key then reads nothing', async () => {
    const before = await keyUsage(h.t.db);
    expect(before.map((u) => u.key_id)).toEqual([h.keyring.current.id]);
    const newKey = parseKeys(generateKey(), 'new')[0]!;
    const result = await rotateTestimonyKey(h.t.db, h.keyring, newKey, 'test');
    expect(result.rows).toBe(before[0]!.rows);
    expect(await keyUsage(h.t.db)).toEqual([{ key_id: newKey.id, rows: result.rows }]);
    const newRing = keyringOf([newKey], 'new');
    expect((await readTestimony(h.t.db, newRing, 'tm-move-a', { actor: 'test', role: 'admin' })).narrative).toBe('narrative A');
    await expect(readTestimony(h.t.db, h.keyring, 'tm-move-a', { actor: 'test', role: 'admin' })).rejects.toThrow(/not in the configured keyring/);
    // A server still running with the old key file is told what it lacks: the new key, and a restart (not "add the old key").
    const stale = await readTestimony(h.t.db, h.keyring, 'tm-move-a', { actor: 'test', role: 'admin' }).catch((e: Error) => e.message);
    expect(stale).toMatch(new RegExp(`encrypted with key ${newKey.id}, .*put that key in the key file.*a running server takes the file up`));
    expect(stale).not.toMatch(/add the old key/);
  });

  it('refuses a key file other users can read, and never overwrites one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-key-'));
    const file = path.join(dir, 'k');
    writeNewKeyFile(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readKeyFile(file)).toHaveLength(1);
    expect(() => writeNewKeyFile(file)).toThrow(/exists/);
    fs.chmodSync(file, 0o644);
    expect(() => readKeyFile(file)).toThrow(/chmod 600/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hashes passwords with salted scrypt', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$15\$8\$3\$/);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });
});
