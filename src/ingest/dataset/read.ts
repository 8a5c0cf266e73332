/**
 * Reads and checks the curated dataset, then turns it into the store's
 * records. All problems are collected with file and line, so a curator sees
 * every one at once; loading refuses a dataset with any.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Figure, LabourDeployment, Reliability, Source, Statement, TipRating } from '../../model/index.ts';
import { Room39Error } from '../../errors.ts';
import { ftmSchema, hasProperty, isEntityReference, isKnownSchema, reconcileSchemas } from '../../store/ftm.ts';
import { statementId } from '../../store/statements.ts';
import { rubricLetter } from './grading.ts';
import {
  datasetRecord, type DatasetRecord, type DeploymentRecord, type EntityRecord, type FigureRecord,
  type SourceRecord, type TestimonyRecord, type TipRecord,
} from './records.ts';

export const CURATION_AGENT = 'room39-curation';

export interface Located<T> {
  record: T;
  file: string;
  line: number;
}

export interface DatasetProblem {
  file: string;
  line: number;
  message: string;
}

export interface CuratedDataset {
  sources: Located<SourceRecord>[];
  entities: Located<EntityRecord>[];
  figures: Located<FigureRecord>[];
  tipRatings: Located<TipRecord>[];
  deployments: Located<DeploymentRecord>[];
  testimonies: Located<TestimonyRecord>[];
  /** Source id → its text, for the bundled sources (the seed documents) only. */
  texts: Map<string, string>;
  /** A hash of every dataset file, to tell whether a stored copy is current. */
  fingerprint: string;
}

export function datasetFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new Room39Error('invalid_data', 'the dataset folder does not exist', dir);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort((a, b) =>
    a === 'sources.jsonl' ? -1 : b === 'sources.jsonl' ? 1 : a.localeCompare(b));
  return files.map((f) => path.join(dir, f));
}

/**
 * The dataset's fingerprint (the same as `parseDataset` gives) and its number of testimonies, read without checking a
 * record: every start compares it with the store's, and only a changed dataset is parsed and checked (~0.2 s of CPU).
 * Null when a line is not JSON or a source file is missing: the full read then says what is wrong.
 */
export function quickFingerprint(dir: string, bundleRoot: string): { fingerprint: string; testimonies: number } | null {
  const hash = createHash('sha256');
  const sourceFiles: string[] = [];
  let testimonies = 0;
  for (const file of datasetFiles(dir)) {
    const content = fs.readFileSync(file, 'utf8');
    hash.update(path.relative(bundleRoot, file)).update(content);
    for (const text of content.split('\n')) {
      if (!text.trim()) continue;
      let r: { type?: unknown; file?: unknown };
      try {
        r = JSON.parse(text) as { type?: unknown; file?: unknown };
      } catch {
        return null;
      }
      if (r.type === 'testimony') testimonies++;
      else if (r.type === 'source' && typeof r.file === 'string' && r.file) sourceFiles.push(r.file);
    }
  }
  for (const f of sourceFiles) {
    const full = path.resolve(bundleRoot, f);
    if (!fs.existsSync(full)) return null;
    hash.update(fs.readFileSync(full));
  }
  return { fingerprint: hash.digest('hex'), testimonies };
}

/** Parses every record; problems of shape are returned, not thrown. */
export function parseDataset(dir: string, bundleRoot: string): { dataset: CuratedDataset; problems: DatasetProblem[] } {
  const problems: DatasetProblem[] = [];
  const dataset: CuratedDataset = { sources: [], entities: [], figures: [], tipRatings: [], deployments: [], testimonies: [], texts: new Map(), fingerprint: '' };
  const hash = createHash('sha256');
  for (const file of datasetFiles(dir)) {
    const rel = path.relative(bundleRoot, file);
    const content = fs.readFileSync(file, 'utf8');
    hash.update(rel).update(content);
    content.split('\n').forEach((text, i) => {
      const line = i + 1;
      if (!text.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        problems.push({ file: rel, line, message: `not valid JSON (${(e as Error).message})` });
        return;
      }
      const parsed = datasetRecord.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        problems.push({ file: rel, line, message: `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid record'}` });
        return;
      }
      const r: DatasetRecord = parsed.data;
      switch (r.type) {
        case 'source': dataset.sources.push({ record: r, file: rel, line }); break;
        case 'entity': dataset.entities.push({ record: r, file: rel, line }); break;
        case 'figure': dataset.figures.push({ record: r, file: rel, line }); break;
        case 'tip_rating': dataset.tipRatings.push({ record: r, file: rel, line }); break;
        case 'deployment': dataset.deployments.push({ record: r, file: rel, line }); break;
        case 'testimony': dataset.testimonies.push({ record: r, file: rel, line }); break;
      }
    });
  }
  for (const { record, file, line } of dataset.sources) {
    if (!record.file) continue;
    const full = path.resolve(bundleRoot, record.file);
    if (!fs.existsSync(full)) {
      problems.push({ file, line, message: `source file ${record.file} does not exist` });
      continue;
    }
    const bytes = fs.readFileSync(full);
    hash.update(bytes);
    dataset.texts.set(record.id, bytes.toString('utf8'));
  }
  dataset.fingerprint = hash.digest('hex');
  problems.push(...checkDataset(dataset));
  return { dataset, problems };
}

/** Finds the quote in its source: [start, end) in JavaScript string indices, or null. */
export function locateQuote(text: string, quote: string, occurrence = 1): [number, number] | null {
  let from = 0;
  for (let n = 1; ; n++) {
    const at = text.indexOf(quote, from);
    if (at < 0) return null;
    if (n === occurrence) return [at, at + quote.length];
    from = at + 1;
  }
}

const THING_SCHEMAS_NEED_NAME = (schema: string) => {
  if (schema === 'LegalInstrument') return true;
  const s = ftmSchema(schema);
  return s !== null && s.isA('Thing') && !s.isA('Sanction');
};

type CitedRecord = { source: string; quote?: string | null | undefined; quote_occurrence?: number | undefined; locator?: string | null | undefined; grade: string; statement?: string | null | undefined };

/**
 * Provenance: each source's letter is the rubric's (docs/grading.md); every
 * record citing it carries that letter; a bundled source is quoted word for
 * word, a cited one is not quoted at all but located and stated.
 */
function checkProvenance(d: CuratedDataset, sourceIds: Set<string>): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const at = (l: Located<unknown>, message: string) => problems.push({ file: l.file, line: l.line, message });
  const letterOf = new Map<string, string>();
  for (const s of d.sources) {
    const expected = rubricLetter(s.record.source_class, s.record.copy ?? false);
    if (s.record.grade !== expected) {
      at(s, `source ${s.record.id} is graded ${s.record.grade} but the rubric gives ${expected} to a ${s.record.source_class}${s.record.copy ? ' read through a copy' : ''} (docs/grading.md)`);
    }
    letterOf.set(s.record.id, s.record.grade);
  }
  const needsStatement = new Set<unknown>([...d.figures, ...d.tipRatings, ...d.deployments].map((l) => l.record));
  const cited = [...d.entities, ...d.figures, ...d.tipRatings, ...d.deployments] as Located<CitedRecord>[];
  for (const c of cited) {
    const r = c.record;
    if (!sourceIds.has(r.source)) {
      at(c, `cites unknown source "${r.source}"`);
      continue;
    }
    const letter = letterOf.get(r.source);
    if (letter && r.grade[0] !== letter) at(c, `grade ${r.grade} does not carry its source's letter ${letter} (${r.source}); the information digit is the record's own`);
    const text = d.texts.get(r.source);
    if (text !== undefined) {
      if (!r.quote) at(c, `${r.source} is bundled: quote the words the record rests on`);
      else if (!locateQuote(text, r.quote, r.quote_occurrence ?? 1)) {
        at(c, `quote is not an exact substring of ${r.source}${r.quote_occurrence ? ` (occurrence ${r.quote_occurrence})` : ''}: "${r.quote.slice(0, 80)}"`);
      }
    } else {
      if (r.quote) at(c, `${r.source} is not bundled: no quote from it; say the fact in room39's words and give its locator`);
      if (!r.locator) at(c, `${r.source} is not bundled: give the locator (where in the source: page, paragraph, table)`);
      if (needsStatement.has(r) && !r.statement) at(c, `${r.source} is not bundled: give the statement (the fact in room39's words)`);
    }
  }
  for (const t of d.testimonies) {
    if (!sourceIds.has(t.record.source)) continue;
    const letter = letterOf.get(t.record.source);
    if (letter && t.record.grade[0] !== letter) at(t, `grade ${t.record.grade} does not carry its source's letter ${letter} (${t.record.source})`);
    if (!d.texts.has(t.record.source)) at(t, `testimony cites ${t.record.source}, which is not bundled: testimony is kept only from bundled documents`);
  }
  return problems;
}

function checkDataset(d: CuratedDataset): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const at = (l: Located<unknown>, message: string) => problems.push({ file: l.file, line: l.line, message });

  const sourceIds = new Set<string>();
  for (const s of d.sources) {
    if (sourceIds.has(s.record.id)) at(s, `source id "${s.record.id}" is defined twice`);
    sourceIds.add(s.record.id);
  }
  problems.push(...checkProvenance(d, sourceIds));

  const schemaOf = new Map<string, string>();
  const named = new Set<string>();
  for (const e of d.entities) {
    const { id, schema, props } = e.record;
    if (!isKnownSchema(schema)) {
      at(e, `unknown schema "${schema}"`);
      continue;
    }
    const prev = schemaOf.get(id);
    if (prev) {
      const merged = reconcileSchemas(prev, schema);
      if (merged !== schema && merged !== prev) at(e, `entity ${id} is ${schema} here but ${prev} elsewhere`);
      const ps = ftmSchema(prev), ns = ftmSchema(schema);
      if (prev !== schema && ps && ns && !ps.isA(ns) && !ns.isA(ps)) at(e, `entity ${id} is ${schema} here but ${prev} elsewhere`);
      schemaOf.set(id, reconcileSchemas(prev, schema));
    } else schemaOf.set(id, schema);
    for (const prop of Object.keys(props)) {
      if (!hasProperty(schema, prop)) at(e, `schema ${schema} has no property "${prop}"`);
    }
    if (props.name) named.add(id);
  }
  const isEntity = (id: string) => schemaOf.has(id);
  for (const e of d.entities) {
    for (const [prop, value] of Object.entries(e.record.props)) {
      if (!isEntityReference(e.record.schema, prop) && prop !== 'programId') continue;
      for (const v of Array.isArray(value) ? value : [value]) {
        if (prop === 'programId') {
          if (v.startsWith('r39-') && !isEntity(v)) at(e, `${prop} refers to unknown entity "${v}"`);
        } else if (!isEntity(v)) at(e, `${prop} refers to unknown entity "${v}"`);
      }
    }
  }
  for (const [id, schema] of schemaOf) {
    if (THING_SCHEMAS_NEED_NAME(schema) && !named.has(id)) {
      const first = d.entities.find((e) => e.record.id === id)!;
      at(first, `entity ${id} (${schema}) has no record giving its name`);
    }
  }
  const ids = new Set<string>();
  for (const r of [...d.figures, ...d.tipRatings, ...d.deployments, ...d.testimonies] as Located<{ id: string }>[]) {
    if (ids.has(r.record.id) || schemaOf.has(r.record.id)) at(r, `id "${r.record.id}" is used twice`);
    ids.add(r.record.id);
  }
  for (const f of d.figures) if (f.record.entity && !isEntity(f.record.entity)) at(f, `figure refers to unknown entity "${f.record.entity}"`);
  for (const dep of d.deployments) {
    for (const ref of [dep.record.sender, dep.record.employer]) if (ref && !isEntity(ref)) at(dep, `deployment refers to unknown entity "${ref}"`);
  }
  for (const t of d.testimonies) for (const ref of t.record.linked_entities) if (!isEntity(ref)) at(t, `testimony refers to unknown entity "${ref}"`);
  return problems;
}

/** Reads the dataset and refuses it, naming file and line, if anything is wrong. */
export function readDataset(dir: string, bundleRoot: string): CuratedDataset {
  const { dataset, problems } = parseDataset(dir, bundleRoot);
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}; run scripts/check-dataset.ts to list them)` : '';
    throw new Room39Error('invalid_data', `${first.message}${more}`, `${first.file}:${first.line}`);
  }
  return dataset;
}

export interface GraphRecords {
  /** `body` is the bundled text, or null for a cited source. */
  sources: { source: Source; body: string | null; note: string | null }[];
  statements: Statement[];
  figures: Figure[];
  tipRatings: TipRating[];
  deployments: LabourDeployment[];
  testimonies: TestimonyRecord[];
}

/** Turns a checked dataset into statements and records of the store. `seenOn` is the date the load happens. */
export function toGraphRecords(d: CuratedDataset, seenOn: string): GraphRecords {
  const sourceDataset = new Map(d.sources.map((s) => [s.record.id, s.record.dataset]));
  const range = (r: { source: string; quote?: string | null | undefined; quote_occurrence?: number | undefined }): [number | null, number | null] =>
    (r.quote ? locateQuote(d.texts.get(r.source) ?? '', r.quote, r.quote_occurrence ?? 1) : null) ?? [null, null];

  const sources = d.sources.map(({ record: s }) => {
    const body = d.texts.get(s.id) ?? null;
    return {
      source: {
        id: s.id, kind: 'document' as const, title: s.title, publisher: s.publisher ?? null, author: s.author ?? null,
        published: s.published ?? null, url: s.url, dataset: s.dataset, version: null,
        sha256: body === null ? null : createHash('sha256').update(body).digest('hex'), file: s.file ?? null,
        grade: s.grade, gradeReason: s.grade_reason, sourceClass: s.source_class,
      },
      body,
      note: s.note ?? null,
    };
  });

  const statements: Statement[] = [];
  for (const { record: e } of d.entities) {
    const [quoteStart, quoteEnd] = range(e);
    for (const [prop, raw] of Object.entries(e.props)) {
      for (const rawValue of Array.isArray(raw) ? raw : [raw]) {
        const value = isCountryProp(e.schema, prop) ? rawValue.toLowerCase() : rawValue;
        const base = { entityId: e.id, prop, value, sourceId: e.source, quoteStart };
        statements.push({
          ...base, id: statementId(base), schema: e.schema, originalValue: value === rawValue ? null : rawValue,
          dataset: sourceDataset.get(e.source) ?? 'room39_seeds', quote: e.quote ?? null, quoteEnd, page: null, locator: e.locator ?? null,
          reliability: e.grade as Reliability, firstSeen: seenOn, lastSeen: seenOn, recordedBy: CURATION_AGENT, reviewStatus: 'accepted',
        });
      }
    }
  }

  const figures: Figure[] = d.figures.map(({ record: f }) => {
    const [quoteStart, quoteEnd] = range(f);
    return {
      id: f.id, metric: f.metric, country: f.country ?? null, countries: f.countries ?? null, entityId: f.entity ?? null, sector: f.sector ?? null,
      recipient: f.recipient ?? null, periodStart: f.period_start ?? null, periodEnd: f.period_end ?? null,
      low: f.low ?? null, high: f.high ?? null, of: f.of ?? null, unit: f.unit, per: f.per ?? null, qualifier: f.qualifier,
      sourceId: f.source, quote: f.quote ?? null, quoteStart, quoteEnd, locator: f.locator ?? null, statement: f.statement ?? null,
      counts: f.counts ?? null, coverage: f.coverage ?? null, reliability: f.grade as Reliability,
      recordedBy: CURATION_AGENT, reviewStatus: 'accepted', note: f.note ?? null,
    };
  });
  const tipRatings: TipRating[] = d.tipRatings.map(({ record: t }) => {
    const [quoteStart, quoteEnd] = range(t);
    return {
      id: t.id, country: t.country, reportYear: t.report_year, tier: t.tier, sourceId: t.source, quote: t.quote ?? null, quoteStart, quoteEnd,
      locator: t.locator ?? null, reliability: t.grade as Reliability,
    };
  });
  const deployments: LabourDeployment[] = d.deployments.map(({ record: r }) => {
    const [quoteStart, quoteEnd] = range(r);
    return {
      id: r.id, country: r.country, senderId: r.sender ?? null, employerId: r.employer ?? null, sector: r.sector ?? null,
      periodStart: r.period_start ?? null, periodEnd: r.period_end ?? null, sourceId: r.source, quote: r.quote ?? null,
      quoteStart, quoteEnd, locator: r.locator ?? null, reliability: r.grade as Reliability,
    };
  });
  return { sources, statements, figures, tipRatings, deployments, testimonies: d.testimonies.map((t) => t.record) };
}

function isCountryProp(schema: string, prop: string): boolean {
  if (schema === 'LegalInstrument') return prop === 'country';
  const s = ftmSchema(schema);
  return s !== null && s.hasProperty(prop) && s.getProperty(prop).type.name === 'country';
}
