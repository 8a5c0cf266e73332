/**
 * The public "suggest a document" door (ROOM39_PUBLIC_SUGGEST, off by
 * default) and its moderation queue. A suggestion is kept as received — its
 * bytes, name, type and a note — and nothing else happens: no extraction, no
 * source, no review items, until an analyst accepts it; then it is read and
 * submitted like any document, recorded as suggested and accepted by that
 * analyst. Rejected suggestions are kept (without their bytes) so the same
 * file is not suggested again and again.
 */
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../../store/db.ts';
import { Room39Error, notFound } from '../../errors.ts';
import { appendAudit } from '../../audit/log.ts';
import { decodeText, detectFormat, tooLarge } from './read.ts';

export interface Suggestion {
  id: string;
  sha256: string;
  filename: string | null;
  media_type: string | null;
  size: number;
  note: string | null;
  suggested_at: string;
  status: 'pending' | 'accepted' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  source_id: string | null;
}

const COLUMNS = 'id, sha256, filename, media_type, size, note, suggested_at, status, decided_by, decided_at, source_id';

function row(r: Suggestion): Suggestion {
  return { ...r, suggested_at: new Date(r.suggested_at).toISOString(), decided_at: r.decided_at ? new Date(r.decided_at).toISOString() : null };
}

/** Keeps a suggested document for moderation. Same bytes twice: the first suggestion stands. */
export async function suggestDocument(
  db: Db,
  bytes: Uint8Array,
  meta: { filename: string | null; mediaType: string | null; note: string | null; maxBytes: number; from: string },
): Promise<{ suggestion: Suggestion; status: 'created' | 'existing' }> {
  const where = meta.filename;
  if (bytes.byteLength > meta.maxBytes) throw tooLarge(bytes.byteLength, meta.maxBytes, where);
  if (bytes.byteLength === 0) throw new Room39Error('invalid_input', 'the document is empty (0 bytes): nothing to suggest', where);
  // What is no text, HTML or PDF (binary data) is refused before it is kept.
  if (detectFormat(bytes, meta.filename, meta.mediaType) !== 'pdf') decodeText(bytes, where);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const id = `sug-${sha256.slice(0, 20)}`;
  const [existing] = await db.query<Suggestion>(`SELECT ${COLUMNS} FROM document_suggestions WHERE id = $1`, [id]);
  if (existing) return { suggestion: row(existing), status: 'existing' };
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO document_suggestions (id, sha256, filename, media_type, content, size, note) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [id, sha256, meta.filename, meta.mediaType, bytes, bytes.byteLength, meta.note],
    );
    await appendAudit(tx, { actor: meta.from, action: 'document.suggest', target: id, after: { sha256, size: bytes.byteLength, filename: meta.filename } });
  });
  const [created] = await db.query<Suggestion>(`SELECT ${COLUMNS} FROM document_suggestions WHERE id = $1`, [id]);
  return { suggestion: row(created!), status: 'created' };
}

export async function listSuggestions(q: Queryable, options: { status: Suggestion['status']; limit: number; offset: number }): Promise<Suggestion[]> {
  const rows = await q.query<Suggestion>(
    `SELECT ${COLUMNS} FROM document_suggestions WHERE status = $1 ORDER BY suggested_at, id LIMIT $2 OFFSET $3`,
    [options.status, options.limit, options.offset],
  );
  return rows.map(row);
}

/** The suggested bytes, for an analyst deciding (pending suggestions only). */
export async function suggestionContent(q: Queryable, id: string): Promise<{ suggestion: Suggestion; content: Uint8Array }> {
  const [r] = await q.query<Suggestion & { content: Uint8Array | null }>(`SELECT ${COLUMNS}, content FROM document_suggestions WHERE id = $1`, [id]);
  if (!r) throw notFound(`no suggested document "${id.slice(0, 120)}"`);
  if (r.status !== 'pending' || !r.content) throw new Room39Error('conflict', `the suggestion "${id}" was already ${r.status}`, id);
  const { content, ...s } = r;
  return { suggestion: row(s), content: new Uint8Array(content) };
}

/** Records a decision on a pending suggestion; rejected suggestions lose their bytes. */
export async function decideSuggestion(q: Queryable, id: string, decision: 'accepted' | 'rejected', actor: string, sourceId: string | null): Promise<Suggestion> {
  const rows = await q.query<Suggestion>(
    `UPDATE document_suggestions SET status = $2, decided_by = $3, decided_at = now(), source_id = $4,
            content = CASE WHEN $2 = 'rejected' THEN ''::bytea ELSE content END
      WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`,
    [id, decision, actor, sourceId],
  );
  if (!rows[0]) throw new Room39Error('conflict', `the suggestion "${id.slice(0, 120)}" is not pending`, id);
  await appendAudit(q, { actor, action: `document.suggestion.${decision === 'accepted' ? 'accept' : 'reject'}`, target: id, after: { source_id: sourceId } });
  return row(rows[0]);
}
