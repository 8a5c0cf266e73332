/**
 * A document into the graph's review queue: it becomes a source (with its
 * text in `sources.body`), what extraction finds in it becomes draft
 * statements and figures of that source, one review item per claim. Nothing
 * here is accepted: the review queue (src/review) decides. All of it is
 * written in one transaction, or nothing.
 */
import path from 'node:path';
import type { Db, Queryable } from '../../store/db.ts';
import { stableId, upsertSource, writeFigures, writeStatements } from '../../store/statements.ts';
import type { Figure, FigureMetric, FigureUnit, Reliability, Source, Statement } from '../../model/index.ts';
import type { ExtractedFigure, ExtractionResult, Mention } from '../../extract/types.ts';
import { sentences } from '../../extract/extract.ts';
import type { Sentence } from '../../extract/figures.ts';
import type { DocumentText } from './read.ts';
import { pageOf } from './pdf.ts';
import { appendAudit } from '../../audit/log.ts';
import { indexDocumentText } from './library.ts';

/** Who records extracted claims (the reviewer's name replaces it on acceptance). */
export const EXTRACTION_AGENT = 'room39-extract';
export const DOCUMENTS_DATASET = 'room39_documents';
/** Grade of a claim nobody has judged yet: reliability cannot be judged, truth cannot be judged. */
export const UNJUDGED: Reliability = 'F6';

export interface IngestOptions {
  /** Extraction of the document's text (in the server's worker pool, or in this thread with a resolver). */
  extractText: (text: string) => Promise<ExtractionResult>;
  /** Who submitted the document (an account, `cli:name`, `anonymous@address`). */
  submittedBy: string;
  filename?: string | null;
  mediaType?: string | null;
  /** Title to use when the document states none (or to override it). */
  title?: string | null;
  publisher?: string | null;
}

export interface IngestResult {
  sourceId: string;
  title: string;
  /** The file name stored with it (no folders). */
  filename: string | null;
  /** `created`, or `existing` when the same bytes were submitted before (nothing new is written). */
  status: 'created' | 'existing';
  reviewItems: number;
  extraction: ExtractionResult;
}

export function documentSourceId(sha256: string): string {
  return `doc-${sha256.slice(0, 20)}`;
}

/** The FtM Document entity that stands for a submitted document in the graph. */
export function documentEntityId(sourceId: string): string {
  return `r39-${sourceId}`;
}

const METRIC_BY_KIND: Record<Exclude<ExtractedFigure['kind'], 'date'>, (f: ExtractedFigure) => FigureMetric> = {
  worker_count: () => 'workers',
  // What the share is a share of: a worker's wages (taken by the state), a workforce (hosted by a country), or something else.
  share: (f) => (f.share_of === 'wages' ? 'state_share' : f.share_of === 'workforce' ? 'worker_share' : 'share'),
  money: (f) => (f.per === 'year' ? 'annual_revenue' : f.per === 'month' && /\b(?:wages?|salar(?:y|ies)|pay|paid|earn|income)\b/i.test(f.quote) ? 'monthly_wage' : 'revenue'),
};

function figureUnit(f: ExtractedFigure): FigureUnit {
  return f.unit === 'date' ? 'persons' : f.unit;
}

interface Draft {
  item: { id: string; kind: 'mention' | 'figure'; type: string; text: string; start: number; end: number; quote: string; quoteStart: number; quoteEnd: number; proposed: unknown };
  statements: Statement[];
  figure: Figure | null;
}

/** The sentence a mention stands in, by the extractor's own sentence breaks (so "the U.S. Treasury" does not end one). */
function sentenceAround(text: string, result: ExtractionResult, sents: readonly Sentence[], start: number, end: number): { quote: string; qs: number; qe: number } {
  // Reuse a figure's sentence when one covers the span; otherwise the sentence that holds it.
  const covering = result.figures.find((f) => f.quote_start <= start && f.quote_end >= end);
  if (covering) return { quote: covering.quote, qs: covering.quote_start, qe: covering.quote_end };
  let lo = 0;
  let hi = sents.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sents[mid]!.start <= start) lo = mid;
    else hi = mid - 1;
  }
  const s = sents[lo];
  if (s && s.start <= start && s.end >= end) return { quote: text.slice(s.start, s.end), qs: s.start, qe: s.end };
  // A mention across a sentence break (rare): the text between sentence ends around it.
  let qs = start;
  while (qs > 0 && !/[.!?\n]/.test(text[qs - 1]!) && start - qs < 400) qs--;
  let qe = end;
  while (qe < text.length && !/[.!?\n]/.test(text[qe]!) && qe - end < 400) qe++;
  if (qe < text.length && /[.!?]/.test(text[qe]!)) qe++;
  while (qs < start && /\s/.test(text[qs]!)) qs++;
  while (qe > end && /\s/.test(text[qe - 1]!)) qe--;
  return { quote: text.slice(qs, qe), qs, qe };
}

function drafts(doc: DocumentText, sourceId: string, result: ExtractionResult, today: string): Draft[] {
  const text = doc.text;
  const docEntity = documentEntityId(sourceId);
  const out: Draft[] = [];
  const statement = (entityId: string, schema: string, prop: string, value: string, q: { quote: string; qs: number; qe: number }): Statement => {
    const s: Omit<Statement, 'id'> = {
      entityId, schema, prop, value, originalValue: null, dataset: DOCUMENTS_DATASET, sourceId, quote: q.quote,
      quoteStart: q.qs, quoteEnd: q.qe, page: pageOf(doc.pageStarts, q.qs), reliability: UNJUDGED, firstSeen: today, lastSeen: today,
      recordedBy: EXTRACTION_AGENT, reviewStatus: 'draft',
    };
    return { id: stableId('st-', entityId, prop, value, sourceId, q.qs), ...s };
  };

  // One claim per distinct entity, country or instrument; its first mention gives the quote.
  const seen = new Set<string>();
  const sents = sentences(text);
  for (const m of result.mentions) {
    const key = `${m.type}|${m.entity_id ?? m.country ?? m.caption ?? m.text}`;
    if (seen.has(key)) continue;
    if ((m.type === 'person' || m.type === 'organization') && !m.entity_id) continue;
    // Only a host country is a claim ("workers were sent to …"); a country named for any other reason stays in the extraction only.
    if (m.type === 'country' && m.role !== 'host') continue;
    seen.add(key);
    const q = sentenceAround(text, result, sents, m.start, m.end);
    const itemId = stableId('rv-', sourceId, 'mention', key);
    let statements: Statement[];
    if (m.type === 'person' || m.type === 'organization') {
      // FtM Documentation: this document mentions that entity.
      const link = stableId('r39-docm-', sourceId, m.entity_id);
      statements = [
        statement(link, 'Documentation', 'document', docEntity, q),
        statement(link, 'Documentation', 'entity', m.entity_id!, q),
        statement(link, 'Documentation', 'role', 'mentioned', q),
      ];
    } else if (m.type === 'country') {
      statements = [statement(docEntity, 'Document', 'country', m.country!.toLowerCase(), q)];
    } else {
      statements = [statement(docEntity, 'Document', 'namesMentioned', mentionCaption(m), q)];
    }
    out.push({ item: { id: itemId, kind: 'mention', type: m.type, text: m.text, start: m.start, end: m.end, quote: q.quote, quoteStart: q.qs, quoteEnd: q.qe, proposed: m }, statements, figure: null });
  }

  for (const f of result.figures) {
    if (f.kind === 'date') continue; // dates are shown by `extract`, not stored as claims of their own
    const id = stableId('r39-xfig-', sourceId, f.kind, f.start, f.end);
    const figure: Figure = {
      id, metric: METRIC_BY_KIND[f.kind](f), country: f.country, entityId: null, sector: null, recipient: null,
      periodStart: f.period_start ?? null, periodEnd: f.period_end ?? null, low: f.low, high: f.high, of: f.of, unit: figureUnit(f),
      per: f.per === 'week' ? null : f.per, qualifier: f.qualifier, sourceId, quote: f.quote, quoteStart: f.quote_start, quoteEnd: f.quote_end,
      reliability: UNJUDGED, recordedBy: EXTRACTION_AGENT, reviewStatus: 'draft',
      note: `extracted from "${text.slice(f.start, f.end)}"${f.per === 'week' ? ' (per week)' : ''}${f.kind === 'share' && f.share_of ? ` (a share of ${f.share_of === 'other' ? 'something the sentence names' : f.share_of})` : ''}`,
    };
    out.push({
      item: { id: stableId('rv-', sourceId, 'figure', f.kind, f.start, f.end), kind: 'figure', type: f.kind, text: text.slice(f.start, f.end), start: f.start, end: f.end, quote: f.quote, quoteStart: f.quote_start, quoteEnd: f.quote_end, proposed: f },
      statements: [],
      figure,
    });
  }
  return out;
}

function mentionCaption(m: Mention): string {
  return m.caption ?? m.text;
}

/** Metadata statements of the Document entity: drafts too, accepted with the document's first accepted claim. */
function documentStatements(doc: DocumentText, sourceId: string, title: string, today: string): Statement[] {
  const entityId = documentEntityId(sourceId);
  const props: [string, string | null][] = [['title', title], ['publishedAt', doc.published], ['sourceUrl', doc.url], ['author', doc.author]];
  return props
    .filter((p): p is [string, string] => !!p[1])
    .map(([prop, value]) => ({
      id: stableId('st-', entityId, prop, value, sourceId, null), entityId, schema: 'Document', prop, value, originalValue: null,
      dataset: DOCUMENTS_DATASET, sourceId, quote: null, quoteStart: null, quoteEnd: null, page: null, reliability: UNJUDGED,
      firstSeen: today, lastSeen: today, recordedBy: EXTRACTION_AGENT, reviewStatus: 'draft' as const,
    }));
}

async function writeItems(q: Queryable, sourceId: string, items: Draft[]): Promise<void> {
  for (const d of items) {
    const i = d.item;
    await q.query(
      `INSERT INTO review_items (id, source_id, kind, type, text, start_offset, end_offset, quote, quote_start, quote_end, proposed, statement_ids, figure_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11::jsonb,$12::text[],$13) ON CONFLICT (id) DO NOTHING`,
      [i.id, sourceId, i.kind, i.type, i.text, i.start, i.end, i.quote, i.quoteStart, i.quoteEnd, JSON.stringify(i.proposed), d.statements.map((s) => s.id), d.figure?.id ?? null],
    );
  }
}

/** Extracts from a document and queues every claim for review. Same bytes twice: the first submission stands. */
export async function ingestDocument(db: Db, doc: DocumentText, options: IngestOptions): Promise<IngestResult> {
  const sourceId = documentSourceId(doc.sha256);
  const title = (options.title ?? doc.title ?? (options.filename ? path.basename(options.filename) : null) ?? sourceId).slice(0, 500);
  const existing = await db.query<{ extraction: ExtractionResult; count: number; title: string; filename: string | null }>(
    `SELECT d.extraction, (SELECT count(*)::int FROM review_items r WHERE r.source_id = d.source_id) AS count, s.title, d.filename
       FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.source_id = $1`,
    [sourceId],
  );
  // Submitted before: that submission stands, under the title it was stored with (not the one given this time).
  if (existing[0]) return { sourceId, title: existing[0].title, filename: existing[0].filename, status: 'existing', reviewItems: existing[0].count, extraction: existing[0].extraction };

  // The file's name, never the folders it was in on the submitter's machine (`room39 extract ~/cases/…/notes.txt --save`).
  const filename = options.filename ? path.basename(options.filename) : null;
  const extraction = await options.extractText(doc.text);
  const today = new Date().toISOString().slice(0, 10);
  const items = drafts(doc, sourceId, extraction, today);
  const source: Source = {
    id: sourceId, kind: 'document', title, publisher: options.publisher ?? null, author: doc.author, published: doc.published,
    url: doc.url, dataset: DOCUMENTS_DATASET, version: null, sha256: doc.sha256, file: null,
  };
  await db.transaction(async (tx) => {
    await upsertSource(tx, source, doc.text, `Submitted by ${options.submittedBy}${filename ? ` as ${filename}` : ''}; extracted claims await review.`);
    await tx.query(
      `INSERT INTO documents (source_id, format, filename, media_type, bytes, page_starts, submitted_by, extraction)
       VALUES ($1,$2,$3,$4,$5,$6::int[],$7,$8::jsonb)`,
      [sourceId, doc.format, filename, options.mediaType ?? null, doc.bytes, doc.pageStarts, options.submittedBy, JSON.stringify(extraction)],
    );
    await indexDocumentText(tx, sourceId);
    await writeStatements(tx, [...documentStatements(doc, sourceId, title, today), ...items.flatMap((d) => d.statements)]);
    await writeFigures(tx, items.flatMap((d) => (d.figure ? [d.figure] : [])));
    await writeItems(tx, sourceId, items);
    await appendAudit(tx, { actor: options.submittedBy, action: 'document.submit', target: sourceId, after: { title, format: doc.format, bytes: doc.bytes, sha256: doc.sha256, review_items: items.length } });
  });
  return { sourceId, title, filename, status: 'created', reviewItems: items.length, extraction };
}
