/**
 * What a data directory holds, in a form two directories can be compared by:
 * every table's rows without the values that differ between two runs of the
 * same commands (timestamps, and stamps made of them such as the rule run's
 * `ruled_stamp`; random account and token ids, the buckets' and digests' tokens, password and token hashes,
 * ciphertexts with their random nonces), and the audit trail
 * in order without its times and hashes. `dropActions` leaves out audit
 * records one side has by design (the local socket's `cli.command`).
 */
import { readSettings } from '../../src/config/settings.ts';
import { openServices } from '../../src/services.ts';
import type { Queryable } from '../../src/store/db.ts';

/** Random by design: account and token ids (each run makes new ones), the token of the rule run's stored buckets. */
const RANDOM_IDS: Record<string, string[]> = { users: ['id'], api_tokens: ['id', 'user_id'], sessions: ['user_id'], resolver_state: ['buckets_token'], list_digest_tokens: ['token'] };
const VOLATILE = /(^at$|_at$|_stamp$|^n$|hash$|_enc$|^csrf_token$)/;

export interface StoreState {
  tables: Record<string, { rows: number; digest: string }>;
  audit: unknown[];
}

function stripVolatile(v: unknown, ids: Map<string, string>): unknown {
  if (typeof v === 'string') return ids.get(v) ?? [...ids].reduce((s, [id, name]) => s.split(id).join(name), v);
  if (Array.isArray(v)) return v.map((x) => stripVolatile(x, ids));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([k]) => !VOLATILE.test(k)).map(([k, x]) => [k, stripVolatile(x, ids)]));
  }
  return v;
}

async function tableDigest(q: Queryable, table: string, columns: string[]): Promise<{ rows: number; digest: string }> {
  const drop = columns.filter((c) => VOLATILE.test(c) || RANDOM_IDS[table]?.includes(c));
  const [r] = await q.query<{ rows: number; digest: string | null }>(
    `SELECT count(*)::int AS rows, md5(coalesce(string_agg(j, E'\\n' ORDER BY j), '')) AS digest
       FROM (SELECT (to_jsonb(t) - $1::text[])::text AS j FROM "${table}" t) s`,
    [drop],
  );
  return { rows: r!.rows, digest: r!.digest ?? '' };
}

export async function storeState(dataDir: string, dropActions: string[] = []): Promise<StoreState> {
  const services = await openServices(readSettings({ dataDir, databaseUrl: null }));
  try {
    const { db } = services;
    const columns = await db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const byTable = new Map<string, string[]>();
    for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
    const tables: StoreState['tables'] = {};
    // audit_head counts every record, including the ones left out below; `room39 audit verify` checks it.
    for (const [table, cols] of byTable) if (table !== 'audit_log' && table !== 'audit_head') tables[table] = await tableDigest(db, table, cols);
    const ids = new Map<string, string>();
    for (const u of await db.query<{ id: string; username: string }>('SELECT id, username FROM users')) ids.set(u.id, `<user ${u.username}>`);
    for (const t of await db.query<{ id: string; label: string }>('SELECT id, label FROM api_tokens')) ids.set(t.id, `<token ${t.label}>`);
    const audit = (await db.query<Record<string, unknown>>('SELECT * FROM audit_log ORDER BY n'))
      .filter((r) => !dropActions.includes(String(r.action)))
      .map((r) => stripVolatile(r, ids));
    return { tables, audit };
  } finally {
    await services.close();
  }
}

/** The state less the audit records of the given actions (one reading of a store serves both comparisons). */
export function withoutActions(state: StoreState, actions: string[]): StoreState {
  return { tables: state.tables, audit: state.audit.filter((r) => !actions.includes(String((r as { action?: unknown }).action))) };
}
