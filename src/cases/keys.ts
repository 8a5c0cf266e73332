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
import { cleanText, normalizeName, prepareName, type NameKind, type PreparedName } from '../names/index.ts';
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

/** The key every row giving a birth date carries (a birth date can lift a weaker name to the threshold, see cases/rescreen-rows.ts). */
export const BIRTH_DATE_KEY = '@birth_date';

/** A case row's keys. */
export function rowKeys(input: ScreenInput): string[] {
  const schema = querySchemaOf(cleanText(input.schema ?? '', 60)) ?? null;
  const ids = input.id_number ? input.id_number.split(/[;|]/) : [];
  const keys = nameKeys([input.name ?? ''], schema, ids);
  if (cleanText(input.birth_date ?? '') !== '') keys.push(BIRTH_DATE_KEY);
  return keys;
}

/** A name as the index holds it: prepared under its entity's kind, with its words' weights. */
export interface WeighedName { prepared: PreparedName; weights: ArrayLike<number> }

/**
 * The keys to look rows up by for names of the index, chosen by rarity among
 * the case's rows (prefix filtering, as in similarity joins): for each name,
 * its words rarest first until they carry a share of the name's weight, with
 * their one-letter deletions and the joins of neighbouring words that hold one
 * of them. A row holding none of them lacks at least that share of the name,
 * so it cannot score high against it. One key set per share (ascending
 * shares give growing sets).
 */
export function selectiveNameKeys(names: readonly WeighedName[], rowsWith: (key: string) => number, shares: readonly number[]): Set<string>[] {
  const out = shares.map(() => new Set<string>());
  for (const { prepared, weights } of names) {
    const all = prepared.tokens.map((t, i) => ({ key: t.key, w: weights[i] ?? 0, stop: t.cls === 'stop' })).filter((t) => !t.stop);
    const words = all.filter((t) => t.key !== '');
    if (words.length === 0) continue;
    const total = words.reduce((a, t) => a + t.w, 0);
    const order = [...words].sort((a, b) => rowsWith(a.key) - rowsWith(b.key) || b.w - a.w);
    shares.forEach((share, s) => {
      const chosen = new Set<string>();
      let carried = 0;
      for (const t of order) {
        chosen.add(t.key);
        carried += t.w;
        if (total > 0 && carried >= share * total) break;
      }
      const keys = out[s]!;
      for (const k of chosen) {
        keys.add(k);
        for (const d of deletions(k)) keys.add(d);
      }
      // Joins of neighbouring words (as match/candidate-index.ts makes them) that hold a chosen word: "won hong" → wonhong.
      for (let i = 0; i + 1 < all.length; i++) {
        const two = [all[i]!, all[i + 1]!];
        const three = i + 2 < all.length ? [...two, all[i + 2]!] : null;
        for (const group of three ? [two, three] : [two]) if (group.some((t) => chosen.has(t.key))) keys.add(group.map((t) => t.key).join(''));
      }
    });
  }
  return out;
}

/** Keys of identifiers, as rows carry them (`#` and the letters and digits). */
export function identifierKeys(identifiers: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const id of identifiers) {
    const n = normalizeIdentifier(cleanText(id, 100));
    if (n.length >= 4) keys.add(`#${n}`);
  }
  return [...keys];
}
