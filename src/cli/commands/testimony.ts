/**
 * Testimony from the command line (the operator: full access, every read
 * audited as cli:<os user>). Input is a JSON file, so no protected value is
 * ever typed as an argument (visible in the process list and shell history).
 */
import fs from 'node:fs';
import { optString, UsageError, type CliCommand } from '../command.ts';
import { table } from '../table.ts';
import { Room39Error } from '../../errors.ts';
import { cliActor } from './user.ts';

export const testimonyCommand: CliCommand = {
  name: 'testimony',
  summary: 'Record, list and read witness testimony (encrypted at rest; every read is audited).',
  usage: 'testimony add --file T.json | testimony list [--entity ID] | testimony show ID',
  options: { file: { type: 'string' }, entity: { type: 'string' } },
  async run(ctx) {
    const { requireKeyring } = await import('../../testimony/keyring.ts');
    const { createTestimony, listTestimonies, readTestimony, testimonyInput } = await import('../../testimony/store.ts');
    const [action, id] = ctx.args.positionals;
    if (action === 'add') {
      const file = optString(ctx.args, 'file');
      if (!file) throw new UsageError('give --file with the testimony as JSON: {"pseudonym", "narrative", "interview_date", "interview_place", "linked_entities", "consent", "sharing_terms"}');
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        throw new Room39Error('invalid_input', 'cannot read the file as JSON', file);
      }
      const input = testimonyInput.parse(json);
      const services = await ctx.services();
      const t = await createTestimony(services.db, requireKeyring(services.keyring ?? null), input, cliActor());
      return { json: { testimony: t }, text: `Recorded testimony ${t.id} (encrypted with key ${t.key_id}).` };
    }
    if (action === 'list') {
      const { db } = await ctx.services();
      const list = await listTestimonies(db, { entityId: optString(ctx.args, 'entity') });
      return { json: { testimonies: list }, text: list.length ? table(['id', 'date', 'consent', 'linked', 'key'], list.map((t) => [t.id, t.interview_date ?? '-', t.consent, t.linked_entities.join(', '), t.key_id])) : 'No testimony stored.' };
    }
    if (action === 'show') {
      if (!id) throw new UsageError('give the testimony id (room39 testimony list)');
      const services = await ctx.services();
      const t = await readTestimony(services.db, requireKeyring(services.keyring ?? null), id, { actor: cliActor(), role: 'admin' });
      return { json: { testimony: t }, text: [`${t.id}  (${t.consent}${t.sharing_terms ? `; ${t.sharing_terms}` : ''})`, `witness: ${t.pseudonym}`, `interviewed: ${t.interview_date ?? '?'} ${t.interview_place ?? ''}`, '', t.narrative].join('\n') };
    }
    throw new UsageError(action ? `unknown action "${action}"` : 'give an action: add, list or show');
  },
};
