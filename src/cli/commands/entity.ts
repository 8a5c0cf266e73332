import { UsageError, type CliCommand } from '../command.ts';
import { table } from '../table.ts';
import { getEntity } from '../../store/entities.ts';

export const entityCommand: CliCommand = {
  name: 'entity',
  summary: 'Show everything known about one entity: properties with their sources and quotes, and its relations.',
  usage: 'entity ID [--json]',
  options: {},
  async run(ctx) {
    const id = ctx.args.positionals[0];
    if (!id) throw new UsageError('give an entity id, e.g. room39 entity r39-kim-won-hong (find ids with room39 search)');
    const { db } = await ctx.services();
    const detail = await getEntity(db, id);
    const { entity, statements, relations } = detail;
    const json = {
      entity: { id: entity.id, schema: entity.schema, caption: entity.caption, properties: entity.properties, datasets: entity.datasets, topics: entity.topics, referents: entity.referents, first_seen: entity.firstSeen, last_seen: entity.lastSeen },
      statements: statements.map((s) => ({
        id: s.id, prop: s.prop, value: s.value, source: { id: s.source.id, title: s.source.title }, quote: s.quote,
        quote_start: s.quote_start, quote_end: s.quote_end, reliability: s.reliability, dataset: s.dataset,
        first_seen: s.first_seen, last_seen: s.last_seen, recorded_by: s.recorded_by, review_status: s.review_status,
      })),
      relations,
    };
    const text = [
      `${entity.caption}  [${entity.schema}]  ${entity.id}`,
      `datasets: ${entity.datasets.join(', ') || '-'}${entity.topics.length ? `   topics: ${entity.topics.join(', ')}` : ''}`,
      '',
      table(['property', 'value', 'grade', 'source', 'quote'], statements.map((s) => [s.prop, s.value, s.reliability, s.source.title, s.quote ?? ''])),
      '',
      relations.length
        ? table(['relation', 'role', 'caption', 'with', 'id'], relations.map((r) => [r.schema, r.role, r.caption, r.others.map((o) => o.caption).join('; '), r.id]))
        : 'No relations.',
    ].join('\n');
    return { json, text };
  },
};
