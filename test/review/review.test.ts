/**
 * From upload to graph: a document posted to the API becomes a source with
 * its text, its claims wait in the review queue (nothing enters the graph
 * unreviewed), and an analyst's accept puts a figure on its country's record
 * and a mention on the entity's record, with the quote and the reviewer's
 * name. Correct and reject too, and the queue from the CLI's functions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../security/support.ts';
import { countryDetail } from '../../src/store/atlas/index.ts';
import { getEntity } from '../../src/store/entities.ts';
import { acceptReviewItem, correctReviewItem, listReviewItems, rejectReviewItem, type ReviewItem } from '../../src/review/queue.ts';
import { readDocumentBytes } from '../../src/ingest/documents/read.ts';
import { submitDocument } from '../../src/ingest/documents/service.ts';
import { makePdf } from '../extract/pdf-fixture.ts';

const TEXT = `Kuwait report

Officials in Kuwait City say about 4,500 North Korean workers are employed on Kuwaiti construction sites.
Their wages are paid to Room 39, which keeps 80 percent of the money.
The Mansudae Overseas Project Group of Companies also sent 1,200 workers to Angola.`;

let h: Harness;
let sourceId: string;
let items: ReviewItem[];

beforeAll(async () => {
  h = await harness('pglite');
  const res = await h.call('POST', '/api/documents?title=Kuwait%20report', { as: h.logins.analyst, rawBody: TEXT, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { source: { id: string; title: string }; review_items: number; figures: { kind: string }[]; mentions: { type: string; entity_id: string | null }[] };
  sourceId = body.source.id;
  expect(body.source.title).toBe('Kuwait report');
  expect(body.review_items).toBeGreaterThan(0);
  const list = await h.call('GET', `/api/review?source=${sourceId}&limit=500`, { as: h.logins.analyst });
  expect(list.status).toBe(200);
  items = ((await list.json()) as { items: ReviewItem[] }).items;
}, 300_000);

afterAll(async () => {
  await h?.dispose();
});

const find = (type: string, text: RegExp) => {
  const it = items.find((i) => i.type === type && text.test(i.text));
  if (!it) throw new Error(`no ${type} item ${text} in ${items.map((i) => `${i.type}:${i.text}`).join(', ')}`);
  return it;
};

describe('POST /api/documents', () => {
  it('stores the document as a source whose text shows every offset', async () => {
    const [src] = await h.t.db.query<{ title: string; body: string; kind: string }>('SELECT title, body, kind FROM sources WHERE id = $1', [sourceId]);
    expect(src).toMatchObject({ title: 'Kuwait report', body: TEXT, kind: 'document' });
    for (const i of items) {
      expect(TEXT.slice(i.start, i.end)).toBe(i.text);
      expect(TEXT.slice(i.quote_start, i.quote_end)).toBe(i.quote);
    }
  });

  it('queues figures and mentions, resolved against the graph', () => {
    expect(find('worker_count', /4,500/)).toMatchObject({ status: 'pending', current: { figure: { low: 4500, high: 4500, country: 'KW', review_status: 'draft' } } });
    expect(find('share', /80 percent/).current).toMatchObject({ figure: { low: 0.8, unit: 'fraction' } });
    expect(find('organization', /Room 39/).proposed).toMatchObject({ entity_id: 'r39-office-39' });
    expect(find('organization', /Mansudae/).proposed['entity_id']).toBeTruthy();
  });

  it('puts nothing in the graph before review', async () => {
    const kw = await countryDetail(h.t.db, 'KW');
    expect(kw.figures.some((f) => f.source.id === sourceId)).toBe(false);
    const office = await getEntity(h.t.db, 'r39-office-39');
    expect(office.relations.some((r) => r.schema === 'Documentation')).toBe(false);
  });

  it('answers the same upload twice with the first submission', async () => {
    const res = await h.call('POST', '/api/documents', { as: h.logins.analyst, rawBody: TEXT, headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'existing', source: { id: sourceId } });
  });

  it('refuses an oversized upload by its Content-Length, and bad documents with a message', async () => {
    const big = await h.call('POST', '/api/documents', { as: h.logins.analyst, rawBody: 'x', headers: { 'content-type': 'text/plain', 'content-length': String(200 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    const empty = await h.call('POST', '/api/documents', { as: h.logins.analyst, rawBody: '', headers: { 'content-type': 'text/plain' } });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/empty/);
    const scan = await h.call('POST', '/api/documents?filename=scan.pdf', { as: h.logins.analyst, rawBody: makePdf([], { image: true }), headers: { 'content-type': 'application/pdf' } });
    expect(scan.status).toBe(422);
    expect(((await scan.json()) as { error: { message: string } }).error.message).toMatch(/no text layer/);
    const [n] = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents`);
    expect(n!.n).toBe(1);
  });

  it('takes a PDF and a multipart form', async () => {
    const form = new FormData();
    form.append('file', new Blob([makePdf([['Up to 700 North Korean workers are employed in Mongolia.']])], { type: 'application/pdf' }), 'mongolia.pdf');
    // A form's `title` field is the title, as ?title= is (and refused past 500 characters as it is).
    const tooLong = new FormData();
    for (const [k, v] of form) tooLong.append(k, v);
    tooLong.append('title', 'x'.repeat(10_000));
    const refused = await h.call('POST', '/api/documents', { as: h.logins.analyst, rawBody: tooLong });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { field: string } }).error.field).toBe('title');
    form.append('title', 'Workers in Mongolia');
    const res = await h.call('POST', '/api/documents', { as: h.logins.analyst, rawBody: form });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { source: { format: string; title: string }; figures: { kind: string; high: number; country: string }[] };
    expect(body.source.format).toBe('pdf');
    expect(body.source.title).toBe('Workers in Mongolia');
    expect(body.figures.find((f) => f.kind === 'worker_count')).toMatchObject({ high: 700, country: 'MN' });
  });
});

describe('review queue', () => {
  it('is for analysts: anonymous callers cannot list or decide', async () => {
    expect((await h.call('GET', '/api/review')).status).toBe(401);
    expect((await h.call('POST', `/api/review/${items[0]!.id}/accept`, { body: {} })).status).toBe(401);
  });

  it('accepting a figure puts it on the country record with its quote, grade and the reviewer', async () => {
    const item = find('worker_count', /4,500/);
    const res = await h.call('POST', `/api/review/${item.id}/accept`, { as: h.logins.analyst, body: { reliability: 'C3' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { item: ReviewItem }).item).toMatchObject({ status: 'accepted', reviewer: 'user:analyst-user' });
    const kw = await countryDetail(h.t.db, 'KW');
    const fig = kw.figures.find((f) => f.source.id === sourceId);
    expect(fig).toMatchObject({ metric: 'workers', low: 4500, high: 4500, reliability: 'C3', quote: item.quote, source: { title: 'Kuwait report' } });
    const [row] = await h.t.db.query<{ recorded_by: string }>('SELECT recorded_by FROM figures WHERE id = $1', [fig!.id]);
    expect(row!.recorded_by).toBe('user:analyst-user');
  });

  it('accepting a mention puts the document on the entity record', async () => {
    const item = find('organization', /Room 39/);
    const res = await h.call('POST', `/api/review/${item.id}/accept`, { as: h.logins.analyst, body: { reliability: 'C3', note: 'checked' } });
    expect(res.status).toBe(200);
    const office = await getEntity(h.t.db, 'r39-office-39');
    const rel = office.relations.find((r) => r.schema === 'Documentation');
    expect(rel).toBeDefined();
    const [st] = await h.t.db.query<{ quote: string; review_status: string; recorded_by: string }>(
      `SELECT quote, review_status, recorded_by FROM statements WHERE entity_id = $1 AND prop = 'entity'`, [rel!.id]);
    expect(st).toMatchObject({ quote: item.quote, review_status: 'accepted', recorded_by: 'user:analyst-user' });
  });

  it('a decided item cannot be decided again', async () => {
    const item = find('worker_count', /4,500/);
    const res = await h.call('POST', `/api/review/${item.id}/reject`, { as: h.logins.analyst, body: {} });
    expect(res.status).toBe(409);
  });

  it('correcting changes the figure before it joins the graph, and refuses nonsense with a message', async () => {
    const item = find('worker_count', /1,200/);
    const bad = await h.call('POST', `/api/review/${item.id}/correct`, { as: h.logins.analyst, body: { correction: { low: 5, high: 1 } } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/low \(5\) is above high \(1\)/);
    const typo = await h.call('POST', `/api/review/${item.id}/correct`, { as: h.logins.analyst, body: { correction: { lowe: 5 } } });
    expect(typo.status).toBe(400);
    const ok = await h.call('POST', `/api/review/${item.id}/correct`, { as: h.logins.analyst, body: { correction: { country: 'Angola', low: 1000, high: 1200, qualifier: 'range' }, reliability: 'D3' } });
    expect(ok.status).toBe(200);
    const ao = await countryDetail(h.t.db, 'AO');
    expect(ao.figures.find((f) => f.source.id === sourceId)).toMatchObject({ low: 1000, high: 1200, qualifier: 'range', reliability: 'D3' });
    const [d] = await h.t.db.query<{ decision: string; reviewer: string }>('SELECT decision, reviewer FROM review_decisions WHERE item_id = $1', [item.id]);
    expect(d).toMatchObject({ decision: 'correct', reviewer: 'user:analyst-user' });
  });

  it('two reviewers correcting the same accepted claim: the second gets a conflict, not a silent overwrite', async () => {
    const item = find('worker_count', /1,200/);
    const read = await h.call('GET', `/api/review/${item.id}`, { as: h.logins.analyst });
    const etag = read.headers.get('etag');
    const seen = ((await read.json()) as { item: ReviewItem }).item;
    expect(seen.status).toBe('accepted');
    expect(etag).toBe(`"${seen.version}"`);
    const blind = await h.call('POST', `/api/review/${item.id}/correct`, { as: h.logins.analyst, body: { correction: { low: 1100 } } });
    expect(blind.status).toBe(400);
    expect(((await blind.json()) as { error: { message: string } }).error.message).toMatch(/send the version you read/);
    const first = await h.call('POST', `/api/review/${item.id}/correct`, { as: h.logins.analyst, body: { correction: { low: 1100 }, version: seen.version } });
    expect(first.status).toBe(200);
    const second = await h.call('POST', `/api/review/${item.id}/correct`, { as: h.logins.analyst, body: { correction: { low: 900 } }, headers: { 'if-match': etag! } });
    expect(second.status).toBe(409);
    const ao = await countryDetail(h.t.db, 'AO');
    expect(ao.figures.find((f) => f.source.id === sourceId)).toMatchObject({ low: 1100 });
  });

  it('rejecting keeps a claim out of the graph for good', async () => {
    const item = find('share', /80 percent/);
    const decided = await rejectReviewItem(h.t.db, item.id, 'cli:tester', { note: 'not a state share' });
    expect(decided.status).toBe('rejected');
    const [f] = await h.t.db.query<{ review_status: string }>('SELECT review_status FROM figures WHERE source_id = $1 AND unit = $2', [sourceId, 'fraction']);
    expect(f!.review_status).toBe('rejected');
    await expect(acceptReviewItem(h.t.db, item.id, 'cli:tester')).rejects.toThrow(/already rejected by cli:tester/);
  });

  it('lists by status, needs a reviewer name, and names unknown items', async () => {
    const accepted = await listReviewItems(h.t.db, { status: 'accepted', source: sourceId, limit: 50, offset: 0 });
    expect(accepted.items.map((i) => i.type).sort()).toEqual(['organization', 'worker_count', 'worker_count']);
    const pending = items.find((i) => i.status === 'pending' && i.type === 'country')!;
    await expect(acceptReviewItem(h.t.db, pending.id, '  ')).rejects.toThrow(/reviewer's name/);
    await expect(correctReviewItem(h.t.db, 'rv-nope', 'cli:x', { low: 1 })).rejects.toThrow(/no review item "rv-nope"/);
  });

  it('ingests without HTTP too, in one transaction', async () => {
    const doc = await readDocumentBytes(Buffer.from('Roughly 900 North Korean workers were employed in Poland in 2016.'), { filename: 'pl.txt' });
    const r = await submitDocument(h.t.db, doc, { submittedBy: 'cli:tester', filename: 'pl.txt' });
    expect(r.status).toBe('created');
    const q = await listReviewItems(h.t.db, { status: 'pending', source: r.sourceId, limit: 50, offset: 0 });
    expect(q.items.find((i) => i.type === 'worker_count')?.current).toMatchObject({ figure: { low: 900, country: 'PL' } });
  });
});

describe('the document library', () => {
  it('lists every document with its source, date, submitter and claims by review state', async () => {
    const res = await h.call('GET', '/api/documents?limit=500', { as: h.logins.analyst });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { documents: { id: string; title: string; submitted_by: string; claims: { pending: number; accepted: number; rejected: number } }[]; total: number };
    const kuwait = body.documents.find((d) => d.id === sourceId)!;
    expect(kuwait).toMatchObject({ title: 'Kuwait report', submitted_by: expect.stringMatching(/analyst/) });
    expect(kuwait.claims.pending + kuwait.claims.accepted + kuwait.claims.rejected).toBe(items.length);
    expect(body.total).toBeGreaterThanOrEqual(body.documents.length);
    expect((await h.call('GET', '/api/documents')).status).toBe(401);
  });

  it('searches the full text, with the passage that matched', async () => {
    const res = await h.call('GET', `/api/documents?q=${encodeURIComponent('Kuwaiti construction')}`, { as: h.logins.analyst });
    const body = (await res.json()) as { documents: { id: string; snippet: { text: string; hit: boolean }[] }[]; total: number };
    expect(body.documents.map((d) => d.id)).toContain(sourceId);
    const snippet = body.documents.find((d) => d.id === sourceId)!.snippet;
    expect(snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toEqual(expect.arrayContaining(['kuwaiti', 'construction']));
    const none = (await (await h.call('GET', '/api/documents?q=zeppelin%20marmalade', { as: h.logins.analyst })).json()) as { total: number };
    expect(none.total).toBe(0);
    expect((await h.call('GET', `/api/documents?q=${'x'.repeat(600)}`, { as: h.logins.analyst })).status).toBe(400);
  });

  it('shows one document with its text and its claims side by side, offsets into the text', async () => {
    const res = await h.call('GET', `/api/documents/${sourceId}`, { as: h.logins.analyst });
    const body = (await res.json()) as { text: string; claims: { text: string; start: number; end: number; status: string }[]; document: { claims: { accepted: number } } };
    expect(body.claims.length).toBe(items.length);
    for (const c of body.claims) expect(body.text.slice(c.start, c.end)).toBe(c.text);
    expect(body.claims.filter((c) => c.status === 'accepted').length).toBe(body.document.claims.accepted);
  });
});

describe('the "suggest a document" door', () => {
  const SUGGESTED = 'A suggestion: some 700 North Korean workers were found at a shipyard in Gdansk.';

  const session = async () => (await (await h.call('GET', '/api/auth/session')).json()) as { user: unknown; public_suggest: boolean };

  it('is closed by default, says so to anyone asking (the web app hides its form), and anonymous submission is refused in words for the person', async () => {
    h.services.settings.documents.publicSuggest = false;
    expect(await session()).toMatchObject({ user: null, public_suggest: false });
    const closed = await h.call('POST', '/api/documents/suggest', { rawBody: SUGGESTED, headers: { 'content-type': 'text/plain' } });
    expect(closed.status).toBe(403);
    const message = ((await closed.json()) as { error: { message: string } }).error.message;
    expect(message).toBe('this server does not take document suggestions; someone with an analyst account can add the document');
    expect((await h.call('POST', '/api/documents', { rawBody: SUGGESTED, headers: { 'content-type': 'text/plain' } })).status).toBe(401);
  });

  it('once open, keeps a suggestion for moderation only; an analyst accepts it into the library or rejects it', async () => {
    h.services.settings.documents.publicSuggest = true;
    try {
      expect(await session()).toMatchObject({ user: null, public_suggest: true });
      const res = await h.call('POST', '/api/documents/suggest?filename=gdansk.txt', { rawBody: SUGGESTED, headers: { 'content-type': 'text/plain' } });
      expect(res.status).toBe(202);
      const { suggestion } = (await res.json()) as { suggestion: { id: string; status: string } };
      expect(suggestion.status).toBe('pending');
      // Nothing extracted or stored as a source yet.
      const [src] = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.body LIKE '%Gdansk%'`);
      expect(src!.n).toBe(0);
      const again = await h.call('POST', '/api/documents/suggest?filename=gdansk.txt', { rawBody: SUGGESTED, headers: { 'content-type': 'text/plain' } });
      expect(again.status).toBe(200);
      expect((await h.call('GET', '/api/documents/suggestions')).status).toBe(401);
      const queue = (await (await h.call('GET', '/api/documents/suggestions', { as: h.logins.analyst })).json()) as { suggestions: { id: string }[] };
      expect(queue.suggestions.map((s) => s.id)).toContain(suggestion.id);
      // A decision carries no document: sent with no body at all (curl -X POST), it is not refused as an upload without a type.
      const accepted = await h.call('POST', `/api/documents/suggestions/${suggestion.id}/accept`, { as: h.logins.analyst });
      expect(accepted.status).toBe(200);
      const body = (await accepted.json()) as { suggestion: { status: string; source_id: string }; review_items: number };
      expect(body.suggestion.status).toBe('accepted');
      expect(body.review_items).toBeGreaterThan(0);
      const doc = (await (await h.call('GET', `/api/documents/${body.suggestion.source_id}`, { as: h.logins.analyst })).json()) as { document: { submitted_by: string } };
      expect(doc.document.submitted_by).toMatch(/suggested: sug-/);
      expect((await h.call('POST', `/api/documents/suggestions/${suggestion.id}/reject`, { as: h.logins.analyst, body: {} })).status).toBe(409);

      const other = await h.call('POST', '/api/documents/suggest', { rawBody: 'Nothing to see here, just 3 notes.', headers: { 'content-type': 'text/plain' } });
      const id = ((await other.json()) as { suggestion: { id: string } }).suggestion.id;
      const rejected = (await (await h.call('POST', `/api/documents/suggestions/${id}/reject`, { as: h.logins.analyst })).json()) as { suggestion: { status: string } };
      expect(rejected.suggestion.status).toBe('rejected');
      const binary = await h.call('POST', '/api/documents/suggest', { rawBody: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]), headers: { 'content-type': 'text/plain' } });
      expect(binary.status).toBeGreaterThanOrEqual(400);
    } finally {
      h.services.settings.documents.publicSuggest = false;
    }
  });
});

describe('a review queue that respects the reviewer’s time', () => {
  it('opens a seed’s queue on figures and host-country claims with their sentences; no country named for another reason', async () => {
    const { readDocumentFile } = await import('../../src/ingest/documents/read.ts');
    const { REPO_ROOT } = await import('../../src/config/settings.ts');
    const doc = await readDocumentFile(`${REPO_ROOT}/data/sources/seeds/003_013e44e156a0b3b0.txt`);
    const r = await submitDocument(h.t.db, doc, { submittedBy: 'cli:tester' });
    const q = await listReviewItems(h.t.db, { status: 'pending', source: r.sourceId, limit: 500, offset: 0 });
    const order = q.items.map((i) => (i.kind === 'figure' ? 'figure' : i.type));
    const firstOther = order.findIndex((k) => k !== 'figure' && k !== 'country');
    expect(order[0]).toBe('figure');
    expect(order.slice(0, firstOther).every((k) => k === 'figure' || k === 'country')).toBe(true);
    expect(order.slice(firstOther).some((k) => k === 'figure' || k === 'country')).toBe(false);
    const countries = q.items.filter((i) => i.type === 'country');
    expect(countries.map((i) => (i.proposed as { country: string }).country).sort()).toEqual(['CN', 'KW', 'MM', 'MY', 'QA', 'RU']);
    for (const i of q.items) {
      expect(i.quote.length).toBeGreaterThan(i.text.length);
      expect(doc.text.slice(i.quote_start, i.quote_end)).toBe(i.quote);
    }
  });

  it('marks what the graph already holds as a duplicate', async () => {
    const doc = await readDocumentBytes(Buffer.from('About 4,500 North Korean workers are employed in Kuwait, officials say.'), { filename: 'kw2.txt' });
    const r = await submitDocument(h.t.db, doc, { submittedBy: 'cli:tester' });
    const q = await listReviewItems(h.t.db, { status: 'pending', source: r.sourceId, limit: 50, offset: 0 });
    const count = q.items.find((i) => i.type === 'worker_count')!;
    expect(count.duplicate).toMatchObject({ what: 'figure', source: { id: sourceId } });
    // Said as a reader says it: one number, not "4500–4500", in words, not the store's keys ("workers", "KW").
    expect(count.duplicate!.detail).toBe('the graph already holds a worker count: 4,500 in Kuwait');
    const country = q.items.find((i) => i.type === 'country')?.duplicate;
    expect(country).toMatchObject({ what: 'host_country', detail: 'the graph already has Kuwait as a host country' });
  });

  it('rejects noise in bulk, each a recorded decision, reporting what was no longer pending', async () => {
    const doc = await readDocumentBytes(Buffer.from('Under Executive Order 13722 and UNSCR 2397, about 300 North Korean workers in Laos were named.'), { filename: 'bulk.txt' });
    const r = await submitDocument(h.t.db, doc, { submittedBy: 'cli:tester' });
    const q = await listReviewItems(h.t.db, { status: 'pending', source: r.sourceId, limit: 50, offset: 0 });
    const legal = q.items.filter((i) => i.type === 'legal_instrument').map((i) => i.id);
    expect(legal.length).toBe(2);
    const res = await h.call('POST', '/api/review/reject', { as: h.logins.analyst, body: { ids: [...legal, 'rv-none'], note: 'noise' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rejected: string[]; skipped: { id: string }[] };
    expect(body.rejected.sort()).toEqual([...legal].sort());
    expect(body.skipped.map((s) => s.id)).toEqual(['rv-none']);
    const [d] = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM review_decisions WHERE item_id = ANY($1::text[]) AND decision = 'reject'`, [legal]);
    expect(d!.n).toBe(2);
    expect((await h.call('POST', '/api/review/reject', { body: { ids: legal } })).status).toBe(401);
  });
});
