/**
 * The checks and lookups of a list version around its import
 * (versioned-import.ts): the label a new version gets (and the versions it is
 * refused against), a file already imported, the entity ids an entry owns,
 * and the field diff a changed entry records.
 */
import { Room39Error } from '../../errors.ts';
import type { Queryable } from '../../store/db.ts';
import type { ImportCounts, VersionInfo } from './versioned-import.ts';

export interface StoredVersion { source_id: string; version: string; sha256: string; published: string; published_assumed?: boolean }

/**
 * Checks a new version against the stored ones and gives its label. Refused:
 * a publication time before the newest stored version's (the date goes
 * backwards), or equal to a stored version's with different bytes (two
 * different files claim the same moment). A second file published later the
 * same day is a new version: `YYYY-MM-DD.2`.
 */
export function assignLabel(v: VersionInfo, stored: readonly StoredVersion[]): string {
  const published = v.published ?? v.version;
  const clash = stored.find((x) => x.published === published);
  if (clash) {
    throw new Room39Error('conflict', `this file of ${v.dataset} says it was published ${published}, like version ${clash.version} already imported, but its content differs (sha256 ${v.sha256.slice(0, 12)}… vs ${clash.sha256.slice(0, 12)}…); nothing was imported. If the publisher re-issued the list, give the new file its own date (--date YYYY-MM-DD)`, v.file);
  }
  const latest = stored.reduce<StoredVersion | null>((a, x) => (!a || x.published > a.published ? x : a), null);
  if (latest && latest.published > published) {
    // A newest version dated by its file's modification time is the usual cause: say how to give it its real date.
    const guessed = latest.published_assumed ? `; that version's date is its file's modification time, a guess: give it its real date first (import its file again with --date YYYY-MM-DD)` : '';
    throw new Room39Error('conflict', `this file is version ${published} of ${v.dataset}, older than the imported version ${latest.version} (published ${latest.published}); the date goes backwards, so nothing was imported (import versions oldest first)${guessed}`, v.file);
  }
  const labels = new Set(stored.map((x) => x.version));
  if (!labels.has(v.version)) return v.version;
  let n = 2;
  while (labels.has(`${v.version}.${n}`)) n++;
  return `${v.version}.${n}`;
}

/**
 * Entity ids entries own: their own, and (for lists) their derived records `<id>-sanction` and `<id>-wallet-…`
 * (each wallet states its holder, so the wallets are found through the value index rather than a LIKE over every id).
 */
export async function ownedIds(q: Queryable, ids: readonly string[], derived: boolean): Promise<string[]> {
  if (!derived || !ids.length) return [...ids];
  const wallets = await q.query<{ entity_id: string; value: string }>(
    `SELECT DISTINCT entity_id, value FROM statements WHERE prop = 'holder' AND value = ANY($1::text[])`, [ids]);
  return [...ids, ...ids.map((i) => `${i}-sanction`), ...wallets.filter((w) => w.entity_id.startsWith(`${w.value}-wallet-`)).map((w) => w.entity_id)];
}

export async function alreadyImported(q: Queryable, dataset: string, sha256: string): Promise<ImportCounts | null> {
  const rows = await q.query<{ source_id: string; version: string; published: string; entries: number; dprk_entries: number }>(
    'SELECT source_id, version, coalesce(published, version) AS published, entries, dprk_entries FROM list_versions WHERE dataset = $1 AND sha256 = $2', [dataset, sha256]);
  const r = rows[0];
  if (!r) return null;
  return { dataset, source_id: r.source_id, version: r.version, published: r.published, status: 'already_imported', entries: r.entries, dprk_entries: r.dprk_entries, added: 0, changed: 0, removed: 0 };
}

export function fieldDiff(before: unknown, after: unknown): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  if (typeof before !== 'object' || typeof after !== 'object' || !before || !after) return { value: { before, after } };
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (JSON.stringify(b[k]) !== JSON.stringify(a[k])) out[k] = { before: b[k] ?? null, after: a[k] ?? null };
  }
  return out;
}

