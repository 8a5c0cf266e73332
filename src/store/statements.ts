/** Writing statements, figures and country facts: bulk, idempotent (ids derive from content), inside the caller's transaction. */
import { hash } from 'node:crypto';
import type { Figure, LabourDeployment, Source, Statement, TipRating } from '../model/index.ts';
import type { Queryable } from './db.ts';

export function stableId(prefix: string, ...parts: (string | number | null | undefined)[]): string {
  // The sha1 of every part followed by NUL, in one call (crypto.hash: no Hash object per id; a list import makes ~200,000).
  let text = '';
  for (const p of parts) text += `${p ?? ''}\u0000`;
  return `${prefix}${hash('sha1', text, 'hex').slice(0, 24)}`;
}

/** The id of a statement: the same entity, property, value, source and quote position always give the same id. */
export function statementId(s: Pick<Statement, 'entityId' | 'prop' | 'value' | 'sourceId' | 'quoteStart'>): string {
  return stableId('st-', s.entityId, s.prop, s.value, s.sourceId, s.quoteStart);
}

export async function upsertSource(q: Queryable, source: Source, body: string | null = null, note: string | null = null): Promise<void> {
  await q.query(
    `INSERT INTO sources (id, kind, title, publisher, author, published, url, dataset, version, sha256, file, body, note,
       grade, grade_reason, source_class)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
     ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, publisher = EXCLUDED.publisher,
       author = EXCLUDED.author, published = EXCLUDED.published, url = EXCLUDED.url, dataset = EXCLUDED.dataset,
       version = EXCLUDED.version, sha256 = EXCLUDED.sha256, file = EXCLUDED.file,
       body = COALESCE(EXCLUDED.body, sources.body), note = EXCLUDED.note,
       grade = EXCLUDED.grade, grade_reason = EXCLUDED.grade_reason, source_class = EXCLUDED.source_class`,
    [source.id, source.kind, source.title, source.publisher, source.author, source.published, source.url,
      source.dataset, source.version, source.sha256, source.file, body, note,
      source.grade ?? null, source.gradeReason ?? null, source.sourceClass ?? null],
  );
}

const CHUNK = 2000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Inserts statements; a statement already stored (same id) only has its
 * last_seen moved forward and its review status and quote kept.
 */
export async function writeStatements(q: Queryable, statements: readonly Statement[]): Promise<number> {
  let written = 0;
  for (const part of chunks(statements)) {
    const cols: unknown[][] = Array.from({ length: 18 }, () => []);
    for (const s of part) {
      const values = [s.id, s.entityId, s.schema, s.prop, s.value, s.originalValue, s.dataset, s.sourceId, s.quote,
        s.quoteStart, s.quoteEnd, s.page, s.reliability, s.firstSeen, s.lastSeen, s.recordedBy, s.reviewStatus, s.locator ?? null];
      values.forEach((v, i) => cols[i]!.push(v));
    }
    await q.query(
      `INSERT INTO statements (id, entity_id, schema, prop, value, original_value, dataset, source_id, quote,
         quote_start, quote_end, page, reliability, first_seen, last_seen, recorded_by, review_status, locator)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::int[], $11::int[], $12::int[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
       ON CONFLICT (id) DO UPDATE SET last_seen = GREATEST(statements.last_seen, EXCLUDED.last_seen), locator = EXCLUDED.locator`,
      cols,
    );
    written += part.length;
  }
  return written;
}

export async function writeFigures(q: Queryable, figures: readonly Figure[]): Promise<void> {
  for (const f of figures) {
    await q.query(
      `INSERT INTO figures (id, metric, country, entity_id, sector, recipient, period_start, period_end, low, high, of_total,
         unit, per, qualifier, source_id, quote, quote_start, quote_end, reliability, recorded_by, review_status, note, countries,
         locator, statement, counts, coverage)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23::text[],$24,$25,$26,$27)
       ON CONFLICT (id) DO UPDATE SET metric = EXCLUDED.metric, country = EXCLUDED.country, entity_id = EXCLUDED.entity_id,
         sector = EXCLUDED.sector, recipient = EXCLUDED.recipient, period_start = EXCLUDED.period_start,
         period_end = EXCLUDED.period_end, low = EXCLUDED.low, high = EXCLUDED.high, of_total = EXCLUDED.of_total,
         unit = EXCLUDED.unit, per = EXCLUDED.per, qualifier = EXCLUDED.qualifier, quote = EXCLUDED.quote,
         quote_start = EXCLUDED.quote_start, quote_end = EXCLUDED.quote_end, reliability = EXCLUDED.reliability, note = EXCLUDED.note,
         countries = EXCLUDED.countries, locator = EXCLUDED.locator, statement = EXCLUDED.statement, counts = EXCLUDED.counts, coverage = EXCLUDED.coverage`,
      [f.id, f.metric, f.country, f.entityId, f.sector, f.recipient, f.periodStart, f.periodEnd, f.low, f.high, f.of, f.unit,
        f.per, f.qualifier, f.sourceId, f.quote, f.quoteStart, f.quoteEnd, f.reliability, f.recordedBy, f.reviewStatus, f.note,
        f.countries ?? null, f.locator ?? null, f.statement ?? null, f.counts ?? null, f.coverage ?? null],
    );
  }
}

export async function writeTipRatings(q: Queryable, ratings: readonly TipRating[]): Promise<void> {
  for (const t of ratings) {
    await q.query(
      `INSERT INTO tip_ratings (id, country, report_year, tier, source_id, quote, quote_start, quote_end, reliability, locator)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
       ON CONFLICT (id) DO UPDATE SET country = EXCLUDED.country, report_year = EXCLUDED.report_year, tier = EXCLUDED.tier,
         quote = EXCLUDED.quote, quote_start = EXCLUDED.quote_start, quote_end = EXCLUDED.quote_end, reliability = EXCLUDED.reliability,
         locator = EXCLUDED.locator`,
      [t.id, t.country, t.reportYear, t.tier, t.sourceId, t.quote, t.quoteStart, t.quoteEnd, t.reliability, t.locator ?? null],
    );
  }
}

export async function writeDeployments(q: Queryable, deployments: readonly LabourDeployment[]): Promise<void> {
  for (const d of deployments) {
    await q.query(
      `INSERT INTO deployments (id, country, sender_id, employer_id, sector, period_start, period_end, source_id, quote, quote_start, quote_end, reliability, locator)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
       ON CONFLICT (id) DO UPDATE SET country = EXCLUDED.country, sender_id = EXCLUDED.sender_id, employer_id = EXCLUDED.employer_id,
         sector = EXCLUDED.sector, period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end, quote = EXCLUDED.quote,
         quote_start = EXCLUDED.quote_start, quote_end = EXCLUDED.quote_end, reliability = EXCLUDED.reliability, locator = EXCLUDED.locator`,
      [d.id, d.country, d.senderId, d.employerId, d.sector, d.periodStart, d.periodEnd, d.sourceId, d.quote, d.quoteStart, d.quoteEnd, d.reliability, d.locator ?? null],
    );
  }
}
