/**
 * Testimony storage: the only code that writes or reads the `testimonies`
 * table. Protected fields (pseudonym, place of interview, narrative, note)
 * are encrypted before they reach SQL and decrypted only for a reader the
 * caller has authorised; every write and every decrypted read is in the audit
 * trail, in the same transaction, so a read that cannot be recorded does not
 * happen. Audit records carry which protected fields changed, never what
 * they hold. Testimony never becomes statements: search, entity pages and
 * exports cannot reach it.
 */
import { z } from 'zod';
import type { Db, Queryable } from '../store/db.ts';
import type { Testimony } from '../model/testimony.ts';
import { isReliability } from '../model/index.ts';
import { invalidOption, Room39Error } from '../errors.ts';
import { appendAudit, type JsonValue } from '../audit/log.ts';
import { newId } from '../auth/tokens.ts';
import { roleAtLeast, type Role } from '../auth/roles.ts';
import { decryptField, encryptField } from './cipher.ts';
import type { Keyring, TestimonyKey } from './keyring.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,127}$/, 'ids are lower-case letters, digits, dots, hyphens and underscores (at most 128)');
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD');

/** A testimony as a client sends it (HTTP and CLI); messages never repeat the values. */
export const testimonyInput = z.object({
  id: id.optional(),
  pseudonym: z.string().trim().min(1, 'pseudonym is required').max(500, 'pseudonym is longer than 500 characters'),
  interview_date: isoDate.nullish(),
  interview_place: z.string().trim().max(500, 'interview_place is longer than 500 characters').nullish(),
  narrative: z.string().trim().min(1, 'narrative is required').max(500_000, 'narrative is longer than 500,000 characters'),
  note: z.string().max(10_000, 'note is longer than 10,000 characters').nullish(),
  linked_entities: z.array(id).max(1000).default([]),
  linked_figures: z.array(id).max(1000).default([]),
  consent: z.enum(['public_source', 'restricted', 'withdrawn']).default('restricted'),
  sharing_terms: z.string().max(2000, 'sharing_terms is longer than 2000 characters').nullish(),
  source_id: z.string().max(256).nullish(),
  reliability: z.string().refine(isReliability, 'reliability must be an Admiralty code such as B2').nullish(),
});
export type TestimonyInput = z.input<typeof testimonyInput>;
type ParsedInput = z.output<typeof testimonyInput>;

/** A partial edit: any field but the id. */
export const testimonyPatch = testimonyInput.omit({ id: true }).partial().extend({
  linked_entities: z.array(id).max(1000).optional(),
  linked_figures: z.array(id).max(1000).optional(),
  consent: z.enum(['public_source', 'restricted', 'withdrawn']).optional(),
  /** Why consent changes: kept in the audit trail (required to leave `withdrawn`); never stored with the testimony. */
  reason: z.string().trim().min(1, 'reason is empty').max(2000, 'reason is longer than 2000 characters').optional(),
});
export type TestimonyPatch = z.input<typeof testimonyPatch>;

/** What anyone allowed to know a testimony exists may see: no protected field. */
export interface TestimonySummary {
  id: string;
  interview_date: string | null;
  consent: Testimony['consent'];
  sharing_terms: string | null;
  linked_entities: string[];
  linked_figures: string[];
  source_id: string | null;
  reliability: string | null;
  version: number;
  key_id: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface TestimonyRecord extends TestimonySummary {
  pseudonym: string;
  interview_place: string | null;
  narrative: string;
  note: string | null;
}

export const PROTECTED_COLUMNS = ['pseudonym', 'interview_place', 'narrative', 'note'] as const;
type ProtectedField = (typeof PROTECTED_COLUMNS)[number];

/** Who may read a testimony's protected fields: editors and admins; a withdrawn consent narrows it to admins. */
export function mayReadProtected(role: Role, consent: Testimony['consent']): boolean {
  return consent === 'withdrawn' ? role === 'admin' : roleAtLeast(role, 'editor');
}

/** Who edits: the name the audit trail gives them and their role (the CLI operator counts as admin). */
export interface Editor {
  actor: string;
  role: Role;
}

interface Refusal {
  code: 'cannot_read' | 'consent_escalation' | 'reason_required';
  from: Testimony['consent'];
  to: Testimony['consent'] | null;
  message: string;
}

/**
 * May this role make this edit? An edit needs the role that may read the
 * testimony now; a new consent needs the role that may read it at that level
 * (withdrawing consent only narrows who reads, so whoever may edit may
 * withdraw); consent a witness withdrew is changed only by an admin, with a
 * reason for the audit trail.
 */
export function consentRefusal(role: Role, current: Testimony['consent'], patch: { consent?: Testimony['consent'] | undefined; reason?: string | undefined }): Refusal | null {
  const to = patch.consent ?? null;
  if (!mayReadProtected(role, current)) {
    return { code: 'cannot_read', from: current, to, message: current === 'withdrawn'
      ? 'the witness withdrew consent: only an admin may edit this testimony or change its consent'
      : 'your role may not edit testimony; an editor or admin may' };
  }
  if (to === null || to === current) return null;
  if (to !== 'withdrawn' && !mayReadProtected(role, to)) {
    return { code: 'consent_escalation', from: current, to, message: `your role may not set consent to ${to}: it needs a role that may read testimony at that level` };
  }
  if (current === 'withdrawn' && !patch.reason) {
    return { code: 'reason_required', from: current, to, message: 'changing consent the witness withdrew needs a reason for the audit trail (the "reason" field)' };
  }
  return null;
}

interface Row {
  id: string;
  pseudonym_enc: string;
  interview_date: string | null;
  interview_place_enc: string | null;
  narrative_enc: string;
  note_enc: string | null;
  linked_entity_ids: string[];
  linked_figure_ids: string[];
  consent: Testimony['consent'];
  sharing_terms: string | null;
  source_id: string | null;
  reliability: string | null;
  key_id: string;
  version: number;
  created_by: string;
  created_at: Date | string;
  updated_by: string;
  updated_at: Date | string;
}

const COLUMNS = `id, pseudonym_enc, interview_date, interview_place_enc, narrative_enc, note_enc, linked_entity_ids, linked_figure_ids,
  consent, sharing_terms, source_id, reliability, key_id, version, created_by, created_at, updated_by, updated_at`;

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const aad = (testimonyId: string, field: ProtectedField) => `testimony ${testimonyId} ${field}`;

function summary(r: Row): TestimonySummary {
  return {
    id: r.id, interview_date: r.interview_date, consent: r.consent, sharing_terms: r.sharing_terms,
    linked_entities: r.linked_entity_ids ?? [], linked_figures: r.linked_figure_ids ?? [], source_id: r.source_id,
    reliability: r.reliability, version: Number(r.version), key_id: r.key_id, created_by: r.created_by, created_at: iso(r.created_at),
    updated_by: r.updated_by, updated_at: iso(r.updated_at),
  };
}

function decryptRow(ring: Keyring, r: Row): TestimonyRecord {
  const dec = (field: ProtectedField, blob: string | null) => (blob === null ? null : decryptField(ring, blob, aad(r.id, field)));
  return {
    ...summary(r),
    pseudonym: dec('pseudonym', r.pseudonym_enc)!,
    interview_place: dec('interview_place', r.interview_place_enc),
    narrative: dec('narrative', r.narrative_enc)!,
    note: dec('note', r.note_enc),
  };
}

interface Plain {
  pseudonym: string;
  interview_place: string | null;
  narrative: string;
  note: string | null;
}

function encryptAll(key: TestimonyKey, testimonyId: string, p: Plain) {
  const enc = (field: ProtectedField, v: string | null) => (v === null ? null : encryptField(key, v, aad(testimonyId, field)));
  return {
    pseudonym_enc: enc('pseudonym', p.pseudonym)!,
    interview_place_enc: enc('interview_place', p.interview_place),
    narrative_enc: enc('narrative', p.narrative)!,
    note_enc: enc('note', p.note),
  };
}

/** What the audit trail keeps of a testimony: the summary, and which protected fields are set — never their content. */
function auditView(s: TestimonySummary, p: Plain): JsonValue {
  return {
    id: s.id, interview_date: s.interview_date, consent: s.consent, sharing_terms: s.sharing_terms,
    linked_entities: s.linked_entities, linked_figures: s.linked_figures, source_id: s.source_id, reliability: s.reliability,
    version: s.version, key_id: s.key_id,
    protected_fields_set: PROTECTED_COLUMNS.filter((f) => p[f] !== null),
  };
}

/**
 * `public_source` says the testimony is already published by its source, so
 * it must name that source (a stored one); when the store holds the source's
 * text (the bundled seed documents), the narrative must stand in it word for
 * word: quoted, and pseudonymised, exactly as published. Messages never
 * repeat the values.
 */
async function checkPublished(q: Queryable, t: { consent: Testimony['consent']; source_id: string | null; narrative: string }): Promise<void> {
  if (t.consent !== 'public_source') return;
  if (!t.source_id) throw invalidOption('source_id', 'consent public_source means the testimony is already published: give source_id, the published source it is quoted from');
  const [src] = await q.query<{ body: string | null }>('SELECT body FROM sources WHERE id = $1', [t.source_id]);
  if (!src) throw invalidOption('source_id', `no source ${t.source_id} in the store: add the published source first, or record the testimony as restricted`);
  if (src.body !== null && !src.body.includes(t.narrative)) {
    throw invalidOption('narrative', `a public_source testimony is quoted exactly as published, and this narrative is not in the text of ${t.source_id}; record it as restricted instead`);
  }
}

async function insertRow(q: Queryable, key: TestimonyKey, t: ParsedInput & { id: string }, actor: string): Promise<Row> {
  const plain: Plain = { pseudonym: t.pseudonym, interview_place: t.interview_place ?? null, narrative: t.narrative, note: t.note ?? null };
  const enc = encryptAll(key, t.id, plain);
  const rows = await q.query<Row>(
    `INSERT INTO testimonies (id, pseudonym_enc, interview_date, interview_place_enc, narrative_enc, note_enc, linked_entity_ids,
       linked_figure_ids, consent, sharing_terms, source_id, reliability, key_id, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::text[], $9, $10, $11, $12, $13, $14, $14)
     RETURNING ${COLUMNS}`,
    [t.id, enc.pseudonym_enc, t.interview_date ?? null, enc.interview_place_enc, enc.narrative_enc, enc.note_enc, t.linked_entities,
      t.linked_figures, t.consent, t.sharing_terms ?? null, t.source_id ?? null, t.reliability ?? null, key.id, actor],
  );
  return rows[0]!;
}

export async function createTestimony(db: Db, ring: Keyring, input: TestimonyInput, actor: string): Promise<TestimonySummary> {
  const t = testimonyInput.parse(input);
  const testimonyId = t.id ?? newId('tm-').toLowerCase().replace(/[^a-z0-9-]/g, '0');
  return db.transaction(async (tx) => {
    const existing = await tx.query('SELECT 1 FROM testimonies WHERE id = $1', [testimonyId]);
    if (existing.length) throw new Room39Error('conflict', `testimony ${testimonyId} exists already; edit it instead`);
    await checkPublished(tx, { consent: t.consent, source_id: t.source_id ?? null, narrative: t.narrative });
    const row = await insertRow(tx, ring.current, { ...t, id: testimonyId }, actor);
    const s = summary(row);
    await appendAudit(tx, { actor, action: 'testimony.create', target: s.id, before: null, after: auditView(s, { pseudonym: t.pseudonym, interview_place: t.interview_place ?? null, narrative: t.narrative, note: t.note ?? null }) });
    return s;
  });
}

export async function listTestimonies(q: Queryable, options: { entityId?: string | null; limit?: number } = {}): Promise<TestimonySummary[]> {
  const rows = await q.query<Row>(
    `SELECT ${COLUMNS} FROM testimonies WHERE ($1::text IS NULL OR $1 = ANY(linked_entity_ids)) ORDER BY id LIMIT $2`,
    [options.entityId ?? null, Math.max(1, Math.min(options.limit ?? 500, 5000))],
  );
  return rows.map(summary);
}

export async function getTestimonySummary(q: Queryable, testimonyId: string): Promise<TestimonySummary> {
  const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM testimonies WHERE id = $1`, [testimonyId]);
  if (!row) throw new Room39Error('not_found', `no testimony ${testimonyId}`);
  return summary(row);
}

/**
 * Decrypts one testimony for a reader whose role allows it, recording the
 * read first (same transaction). Withdrawn consent is checked here, since
 * only the row knows it.
 */
export async function readTestimony(db: Db, ring: Keyring, testimonyId: string, reader: { actor: string; role: Role; meta?: JsonValue }): Promise<TestimonyRecord> {
  const extra = typeof reader.meta === 'object' && reader.meta && !Array.isArray(reader.meta) ? reader.meta : {};
  const outcome = await db.transaction<{ record: TestimonyRecord; refused: null } | { record: null; refused: Testimony['consent'] }>(async (tx) => {
    const [row] = await tx.query<Row>(`SELECT ${COLUMNS} FROM testimonies WHERE id = $1`, [testimonyId]);
    if (!row) throw new Room39Error('not_found', `no testimony ${testimonyId}`);
    if (!mayReadProtected(reader.role, row.consent)) return { record: null, refused: row.consent };
    const record = decryptRow(ring, row);
    await appendAudit(tx, { actor: reader.actor, action: 'testimony.read', target: testimonyId, meta: { role: reader.role, ...extra } });
    return { record, refused: null };
  });
  if (outcome.record) return outcome.record;
  // The refusal is recorded in its own transaction (the read's rolled back with nothing to keep).
  await appendAudit(db, { actor: reader.actor, action: 'testimony.read_refused', target: testimonyId, meta: { role: reader.role, consent: outcome.refused, ...extra } });
  throw new Room39Error('forbidden', outcome.refused === 'withdrawn'
    ? 'the witness withdrew consent: only an admin may read this testimony'
    : 'your role may not read testimony; an editor or admin may');
}

/**
 * Edits a testimony if it is still at `expectedVersion` (the version its
 * editor read); otherwise a conflict, so two editors never overwrite each
 * other silently.
 */
export async function updateTestimony(db: Db, ring: Keyring, testimonyId: string, patchInput: TestimonyPatch, expectedVersion: number, editor: Editor): Promise<TestimonySummary> {
  const patch = testimonyPatch.parse(patchInput);
  const { actor } = editor;
  const outcome = await db.transaction<{ summary: TestimonySummary; refused: null } | { summary: null; refused: Refusal }>(async (tx) => {
    const [row] = await tx.query<Row>(`SELECT ${COLUMNS} FROM testimonies WHERE id = $1 FOR UPDATE`, [testimonyId]);
    if (!row) throw new Room39Error('not_found', `no testimony ${testimonyId}`);
    const refused = consentRefusal(editor.role, row.consent, patch);
    if (refused) return { summary: null, refused };
    if (Number(row.version) !== expectedVersion) {
      throw new Room39Error('conflict', `testimony ${testimonyId} was changed by someone else since you read it (you edited version ${expectedVersion}, it is now at version ${row.version}); reload it and apply your edit again`);
    }
    const old = decryptRow(ring, row);
    const before: Plain = { pseudonym: old.pseudonym, interview_place: old.interview_place, narrative: old.narrative, note: old.note };
    const next: Plain = {
      pseudonym: patch.pseudonym ?? before.pseudonym,
      interview_place: patch.interview_place !== undefined ? patch.interview_place : before.interview_place,
      narrative: patch.narrative ?? before.narrative,
      note: patch.note !== undefined ? patch.note : before.note,
    };
    await checkPublished(tx, { consent: patch.consent ?? row.consent, source_id: patch.source_id !== undefined ? patch.source_id : row.source_id, narrative: next.narrative });
    const changedProtected = PROTECTED_COLUMNS.filter((f) => next[f] !== before[f]);
    const enc = encryptAll(ring.current, testimonyId, next);
    const [updated] = await tx.query<Row>(
      `UPDATE testimonies SET pseudonym_enc = $2, interview_place_enc = $3, narrative_enc = $4, note_enc = $5, interview_date = $6,
         linked_entity_ids = $7::text[], linked_figure_ids = $8::text[], consent = $9, sharing_terms = $10, source_id = $11, reliability = $12,
         key_id = $13, version = version + 1, updated_by = $14, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [testimonyId, enc.pseudonym_enc, enc.interview_place_enc, enc.narrative_enc, enc.note_enc,
        patch.interview_date !== undefined ? patch.interview_date : row.interview_date,
        patch.linked_entities ?? row.linked_entity_ids, patch.linked_figures ?? row.linked_figure_ids, patch.consent ?? row.consent,
        patch.sharing_terms !== undefined ? patch.sharing_terms : row.sharing_terms, patch.source_id !== undefined ? patch.source_id : row.source_id,
        patch.reliability !== undefined ? patch.reliability : row.reliability, ring.current.id, actor],
    );
    const s = summary(updated!);
    const consentChange: Record<string, JsonValue> = s.consent !== row.consent ? { consent_from: row.consent, consent_to: s.consent, reason: patch.reason ?? null } : {};
    await appendAudit(tx, {
      actor, action: 'testimony.update', target: testimonyId,
      before: auditView(summary(row), before), after: auditView(s, next), meta: { role: editor.role, changed_protected_fields: changedProtected, ...consentChange },
    });
    return { summary: s, refused: null };
  });
  if (outcome.summary) return outcome.summary;
  // Recorded in its own transaction: the edit's rolled back with nothing to keep.
  const r = outcome.refused;
  await appendAudit(db, { actor, action: 'testimony.update_refused', target: testimonyId, meta: { role: editor.role, consent: r.from, requested_consent: r.to, why: r.code } });
  throw r.code === 'reason_required' ? invalidOption('reason', r.message) : new Room39Error('forbidden', r.message);
}

/**
 * Re-encrypts every testimony under `newKey` in one transaction: all rows move, or none. `moved` is called inside the
 * transaction once they have (a running server makes the new key current there, so no write after it uses the old one).
 */
export async function rotateTestimonyKey(db: Db, ring: Keyring, newKey: TestimonyKey, actor: string, moved?: () => void): Promise<{ rows: number; from: string[]; to: string }> {
  const target: Keyring = { ...ring, keys: new Map([...ring.keys, [newKey.id, newKey]]) };
  return db.transaction(async (tx) => {
    const rows = await tx.query<Row>(`SELECT ${COLUMNS} FROM testimonies ORDER BY id FOR UPDATE`);
    const from = new Set<string>();
    for (const row of rows) {
      from.add(row.key_id);
      const r = decryptRow(target, row);
      const enc = encryptAll(newKey, row.id, r);
      await tx.query(
        'UPDATE testimonies SET pseudonym_enc = $2, interview_place_enc = $3, narrative_enc = $4, note_enc = $5, key_id = $6 WHERE id = $1',
        [row.id, enc.pseudonym_enc, enc.interview_place_enc, enc.narrative_enc, enc.note_enc, newKey.id],
      );
    }
    await appendAudit(tx, { actor, action: 'keys.rotate', target: 'testimonies', before: { key_ids: [...from].sort() }, after: { key_id: newKey.id }, meta: { rows: rows.length } });
    moved?.();
    return { rows: rows.length, from: [...from].sort(), to: newKey.id };
  });
}

/** How many testimonies each key encrypts. */
export async function keyUsage(q: Queryable): Promise<{ key_id: string; rows: number }[]> {
  return q.query<{ key_id: string; rows: number }>('SELECT key_id, count(*)::int AS rows FROM testimonies GROUP BY key_id ORDER BY key_id');
}

export const CURATION_ACTOR = 'room39-curation';

export interface CuratedTestimony {
  id: string;
  pseudonym: string;
  interview_date?: string | null | undefined;
  interview_place?: string | null | undefined;
  narrative: string;
  note?: string | null | undefined;
  linked_entities: string[];
  source: string;
  grade: string;
}

/**
 * Stores the curated dataset's testimonies (inside the bundle's transaction),
 * replacing those an earlier version of the dataset stored. They are quoted
 * from published reports, so their consent is `public_source`, but they are
 * encrypted like any other testimony.
 */
export async function storeCuratedTestimonies(q: Queryable, ring: Keyring, records: readonly CuratedTestimony[]): Promise<number> {
  await q.query('DELETE FROM testimonies WHERE created_by = $1 AND version = 1', [CURATION_ACTOR]);
  let stored = 0;
  for (const r of records) {
    const edited = await q.query('SELECT 1 FROM testimonies WHERE id = $1', [r.id]);
    if (edited.length) continue; // edited by a person since: theirs stands
    await insertRow(q, ring.current, {
      id: r.id, pseudonym: r.pseudonym, interview_date: r.interview_date ?? null, interview_place: r.interview_place ?? null,
      narrative: r.narrative, note: r.note ?? null, linked_entities: r.linked_entities, linked_figures: [], consent: 'public_source',
      sharing_terms: 'quoted from a published report', source_id: r.source, reliability: isReliability(r.grade) ? r.grade : null,
    }, CURATION_ACTOR);
    stored++;
  }
  await appendAudit(q, { actor: CURATION_ACTOR, action: 'testimony.load_curated', target: 'testimonies', after: { ids: records.map((r) => r.id) }, meta: { stored } });
  return stored;
}
