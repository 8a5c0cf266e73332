/**
 * The testimony key: make one, see which keys encrypt what, rotate.
 * Rotation re-encrypts every testimony under the new key in one transaction;
 * then point ROOM39_KEY_FILE at the new file (or put the new key first in the
 * old file) and retire the old key. While `room39 serve` holds the store, the
 * rotation runs in the server (src/server/local-jobs.ts) with its keyring, and
 * the server encrypts with the new key from then on; a server reached
 * otherwise (PostgreSQL) takes the new key up when its key file changes.
 */
import path from 'node:path';
import { optString, UsageError, type CliCommand } from '../command.ts';
import { table } from '../table.ts';
import { cliActor } from './user.ts';

export const keysCommand: CliCommand = {
  name: 'keys',
  summary: 'Make, inspect and rotate the testimony encryption key (kept outside the database).',
  usage: 'keys generate --out FILE | keys status | keys rotate --new-key-file FILE',
  options: { out: { type: 'string' }, 'new-key-file': { type: 'string' } },
  async run(ctx) {
    const { readKeyFile, requireKeyring, writeNewKeyFile } = await import('../../testimony/keyring.ts');
    const { keyUsage, rotateTestimonyKey } = await import('../../testimony/store.ts');
    const [action] = ctx.args.positionals;
    if (action === 'generate') {
      const out = optString(ctx.args, 'out');
      if (!out) throw new UsageError('give --out FILE: where to write the new key (mode 600)');
      const key = writeNewKeyFile(out);
      return { json: { file: out, key_id: key.id }, text: `Wrote a new key (id ${key.id}) to ${out}, readable by you only.\nUse it: ROOM39_KEY_FILE=${out}. Keep a copy offline: without it the testimony cannot be read.` };
    }
    const services = await ctx.services();
    if (action === 'status') {
      const usage = await keyUsage(services.db);
      const ring = services.keyring ?? null;
      return {
        json: { configured: ring !== null, current: ring?.current.id ?? null, known: ring ? [...ring.keys.keys()] : [], usage },
        text: [
          ring ? `Current key: ${ring.current.id} (from ${ring.origin}); ${ring.keys.size} key(s) in the keyring` : 'No testimony key configured (set ROOM39_KEY_FILE).',
          usage.length ? table(['key', 'testimonies'], usage.map((u) => [u.key_id, String(u.rows)])) : 'No testimony stored.',
        ].join('\n'),
      };
    }
    if (action === 'rotate') {
      const file = optString(ctx.args, 'new-key-file');
      if (!file) throw new UsageError('give --new-key-file FILE (make one with room39 keys generate --out FILE)');
      const [newKey] = readKeyFile(file);
      if (!newKey) throw new UsageError('the new key file holds no key');
      if (services.runJob) {
        // The server holding the store rotates with its own keyring and encrypts with the new key at once.
        const result = await services.runJob({ kind: 'rotate-key', keyFile: path.resolve(file) }, () => undefined);
        return { json: result, text: [
            `Re-encrypted ${result.rows} testimonies with key ${result.to}; the running room39 serve encrypts new testimony with it from now on.`,
            `Before it next starts, put this key first in its key file, with the old key on a later line (it takes the file up when it changes), or set ROOM39_KEY_FILE=${file}.`,
            `Retire the old key only once room39 keys status shows every testimony under ${result.to}.`,
          ].join('\n') };
      }
      const result = await rotateTestimonyKey(services.db, requireKeyring(services.keyring ?? null), newKey, cliActor());
      return { json: result, text: [
          `Re-encrypted ${result.rows} testimonies with key ${result.to}.`,
          `Now put this key first in the key file, with the old key on a later line (or set ROOM39_KEY_FILE=${file} and add the old key to it):`,
          'a running room39 serve takes its key file up when the file changes; until then it cannot read these, and encrypts new testimony with the old key.',
          `Retire the old key only once room39 keys status shows every testimony under ${result.to} (rotate again if not).`,
        ].join('\n') };
    }
    throw new UsageError(action ? `unknown action "${action}"` : 'give an action: generate, status or rotate');
  },
};
