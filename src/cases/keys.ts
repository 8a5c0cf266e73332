/**
 * The keys that connect a case's rows to list entries without screening every
 * row: a name's word keys, the joins of neighbouring words and one-letter
 * deletions of long words (the matcher's own blocking keys, see
 * match/candidate-index.ts), and identifiers. A row and an entity that share
 * no key cannot be candidates of each other in the matcher, so a list change
 * needs to screen again only the rows that share a key with what changed.
 * Both sides carry deletions: two words one edit apart share one.
 */
import { blockingKeys, deletions } from '../match/candidate-index.ts';
import { normalizeIdentifier } from '../match/score-identifier.ts';
import { cleanText, normalizeName, prepareName, type NameKind } from '../names/index.ts';
import { nameKindOf } from '../names/index.ts';
import { querySchemaOf } from '../screen/query.ts';
import type { ScreenInput } from '../screen/csv-input.ts';

function kindsFor(schema: string | null): NameKind[] {
  const kind = nameKindOf(schema);
  return kind === 'person' || kind === 'org' ? [kind] : ['person', 'org'];
}

/** Keys of names (under the name kinds the schema allows), and identifiers prefixed `#`. */
export function nameKeys(names: readonly string[], schema: string | null, identifiers: readonly string[] = []): string[] {
  const keys = new Set<string>();
  for (const raw of names) {
    const name = cleanText(raw);
    if (name === '') continue;
    const norm = normalizeName(name);
    for (const kind of kindsFor(schema)) {
      const prepared = prepareName(name, kind, norm);
      for (const k of blockingKeys(prepared)) keys.add(k);
      for (const t of prepared.tokens) {
        if (t.cls === 'stop' || t.key === '') continue;
        keys.add(t.key);
        for (const d of deletions(t.key)) keys.add(d);
      }
    }
  }
  for (const id of identifiers) {
    const n = normalizeIdentifier(cleanText(id, 100));
    if (n.length >= 4) keys.add(`#${n}`);
  }
  return [...keys];
}

/** A case row's keys. */
export function rowKeys(input: ScreenInput): string[] {
  const schema = querySchemaOf(cleanText(input.schema ?? '', 60)) ?? null;
  const ids = input.id_number ? input.id_number.split(/[;|]/) : [];
  return nameKeys([input.name ?? ''], schema, ids);
}

/** The keys to look rows up by for an entity: all its names, under both name kinds (a row may say no schema). */
export function entityKeys(names: readonly string[], identifiers: readonly string[]): string[] {
  return nameKeys(names, null, identifiers);
}
