/**
 * External anchors of the audit trail. Someone with full database access
 * could delete the newest records and rewrite the head so that the chain
 * still verifies; only a copy of the head kept outside the database shows
 * it. An anchor is one JSON line — when, record number, hash — appended to a
 * file the operator keeps (ideally on another machine) or posted to a
 * webhook they run. `checkAnchors` then names every anchored record that is
 * gone or different. `room39 audit anchor` writes one; `room39 serve` writes
 * one at start, every ROOM39_AUDIT_ANCHOR_MINUTES and at stop when
 * ROOM39_AUDIT_ANCHOR_FILE or ROOM39_AUDIT_ANCHOR_URL is set.
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { Queryable } from '../store/db.ts';
import { Room39Error } from '../errors.ts';
import { verifyAudit, type AuditProblem } from './log.ts';

export interface Anchor {
  /** When the anchor was made (ISO 8601, UTC). */
  at: string;
  /** The head: the last record's number and hash. */
  n: number;
  hash: string;
}

const anchorLine = z.object({ at: z.string(), n: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/** The head of an intact chain; refuses to anchor a chain that does not verify. */
export async function makeAnchor(q: Queryable): Promise<Anchor> {
  const v = await verifyAudit(q);
  if (!v.ok) throw new Room39Error('invalid_data', `the audit trail does not verify (${v.problems.length} problem(s), first at record ${v.problems[0]!.n}): run room39 audit verify; no anchor written`);
  return { at: new Date().toISOString(), n: v.head.n, hash: v.head.hash };
}

export interface AnchorTargets {
  /** Appended to, one JSON line per anchor; made owner-only. */
  file?: string | null;
  /** POSTed to as JSON. */
  webhook?: string | null;
}

export async function writeAnchor(anchor: Anchor, to: AnchorTargets): Promise<void> {
  const line = `${JSON.stringify(anchor)}\n`;
  if (to.file) fs.appendFileSync(to.file, line, { mode: 0o600 });
  if (to.webhook) {
    let res: Response;
    try {
      res = await fetch(to.webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: line, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      throw new Room39Error('database_unreachable', `could not post the anchor to the webhook: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!res.ok) throw new Room39Error('database_unreachable', `the webhook answered ${res.status} to the anchor`);
  }
}

/** Anchors from a file written by writeAnchor; a line that is not one is an error naming the line. */
export function readAnchors(file: string): Anchor[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Room39Error('not_found', 'cannot read the anchor file', file);
  }
  return text.split('\n').flatMap((l, i) => {
    if (!l.trim()) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(l);
    } catch {
      throw new Room39Error('invalid_input', 'not an anchor line (JSON with at, n, hash)', `${file}:${i + 1}`);
    }
    const a = anchorLine.safeParse(parsed);
    if (!a.success) throw new Room39Error('invalid_input', 'not an anchor line (JSON with at, n, hash)', `${file}:${i + 1}`);
    return [a.data];
  });
}

/** Every anchored record that is no longer in the log as it was anchored. */
export async function checkAnchors(q: Queryable, anchors: readonly Anchor[]): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  for (const a of anchors) {
    if (a.n === 0) continue;
    const [row] = await q.query<{ hash: string }>('SELECT hash FROM audit_log WHERE n = $1', [a.n]);
    if (!row) problems.push({ n: a.n, problem: `record ${a.n} was the head anchored at ${a.at} and is gone: records were cut off the end` });
    else if (row.hash !== a.hash) problems.push({ n: a.n, problem: `record ${a.n} differs from the head anchored at ${a.at}: the log was rewritten from there` });
  }
  return problems;
}
