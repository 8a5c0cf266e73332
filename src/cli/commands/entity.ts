import { UsageError, type CliCommand } from '../command.ts';
import { table, terminalWidth, wrapText } from '../table.ts';
import type { EntityDocument } from '../../store/entities.ts';

/**
 * When the list says the designation was made; a list that gives no date (the OFAC SDN CSV)
 * shows the version the entry was first seen in, never as if it were the listing date.
 */
function listedText(d: EntityDocument['designations'][number]): string {
  if (d.listed_on) return d.listed_on;
  return d.first_seen ? `not given (in version ${d.first_seen})` : '';
}

export const entityCommand: CliCommand = {
  name: 'entity',
  summary: 'Show everything known about one entity: properties with their sources and quotes, and its relations.',
  usage: 'entity ID [--wide] [--json]',
  options: { wide: { type: 'boolean', default: false } },
  async run(ctx) {
    const { entityDocument, getEntity } = await import('../../store/entities.ts');
    const id = ctx.args.positionals[0];
    if (!id) throw new UsageError('give an entity id, e.g. room39 entity r39-kim-won-hong (find ids with room39 search)');
    const doc: EntityDocument = entityDocument(await getEntity((await ctx.services()).db, id));
    const { entity, statements, relations, designations } = doc;
    // Quotes are the evidence: wrapped to the terminal, never cut; --wide keeps each on one line.
    const layout = { wide: ctx.args.values.wide === true };
    const line = (s: string) => (layout.wide ? [s] : wrapText(s, terminalWidth()));
    const text = [
      ...line(`${entity.caption}  [${entity.schema}]  ${entity.id}`),
      ...line(`datasets: ${entity.datasets.join(', ') || '-'}${entity.topics.length ? `   topics: ${entity.topics.join(', ')}` : ''}`),
      ...(entity.referents.length > 1 ? line(`records: ${entity.referents.join(', ')}${doc.requested_id ? `   (${doc.requested_id} is one of them)` : ''}   judgements: room39 resolve show ${entity.id}`) : []),
      ...(designations.length ? ['', table(['designation', 'entry', 'programme', 'listed', 'status', 'record'], designations.map((d) => [
        d.authority ?? d.source.title, d.entry_id ?? '', d.programs.join(', '), listedText(d), d.status === 'ended' ? `ended ${d.ended_on}` : 'current', d.record,
      ]), layout)] : []),
      '',
      table(['property', 'value', 'grade', 'source', 'quote'], statements.map((s) => [s.prop, s.value, s.reliability, s.source.title, s.quote ?? '']), layout),
      '',
      relations.length
        ? table(['relation', 'role', 'caption', 'with', 'id'], relations.map((r) => [r.schema, r.role, r.caption, r.others.map((o) => o.caption).join('; '), r.id]), layout)
        : 'No relations.',
    ].join('\n');
    return { json: doc, text };
  },
};
