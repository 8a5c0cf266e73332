/**
 * The fetch path end to end (src/ingest/lists/update.ts) against a loopback
 * "publisher" (publisher.ts) serving the real official files from
 * ../shared/data/official and the EU fixture: all four lists import, a
 * second run is answered 304 and changes nothing; then every way a download
 * or a file goes wrong leaves the store exactly as it was and says which
 * list, which URL and what went wrong.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readListSettings, type ListKey, type ListSettings } from '../../src/config/settings.ts';
import { updateList, updateLists } from '../../src/ingest/lists/update.ts';
import { listStatus } from '../../src/ingest/lists/status.ts';
import { onListVersionImported } from '../../src/ingest/lists/versioned-import.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { OFFICIAL } from '../support/official.ts';
import { startPublisher, type Publisher } from './publisher.ts';

const EU_FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures/eu-fsf-sample.xml');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-fetch-'));

let pub: Publisher;
let t: TestDb;

function settings(urls: Partial<Record<ListKey, string | null>>, extra: Partial<ListSettings> = {}): ListSettings {
  const base = readListSettings({});
  return { ...base, urls: { ofac: null, un: null, uk: null, eu: null, ...urls }, retries: 0, timeoutMs: 20_000, ...extra };
}

/**
 * What a failed update must leave as it was. The two large tables by their row count and newest row version
 * (xmin): a committed insert or update of any row makes a newer one, a delete lowers the count (a digest of
 * 220,000 statements took 1.5 s of CPU, and each case takes two); the others by a digest of their rows.
 */
async function snapshot() {
  const [r] = await t.db.query<Record<string, string | number>>(`SELECT
    (SELECT count(*)::int FROM statements) AS statements,
    (SELECT max(xmin::text::bigint)::text FROM statements) AS statements_newest,
    (SELECT count(*)::int FROM entities) AS entities,
    (SELECT max(xmin::text::bigint)::text FROM entities) AS entities_newest,
    (SELECT md5(coalesce(string_agg(source_id || version || sha256, ',' ORDER BY source_id), '')) FROM list_versions) AS versions,
    (SELECT md5(coalesce(string_agg(dataset || entry_id || content_hash || last_seen, ',' ORDER BY dataset, entry_id), '')) FROM list_entries) AS entries,
    (SELECT count(*)::int FROM list_changes) AS changes,
    (SELECT count(*)::int FROM sources) AS sources,
    (SELECT count(*)::int FROM entity_links) AS links`);
  return r;
}

/** A copy of the real UN file with its date and (optionally) one alias changed. */
function unVariant(name: string, dateGenerated: string, alias?: string): string {
  let xml = fs.readFileSync(OFFICIAL.unXml, 'utf8').replace('dateGenerated="2026-02-27T00:00:09.554Z"', `dateGenerated="${dateGenerated}"`);
  if (alias) xml = xml.replace('<ALIAS_NAME>Yun Ho-chin</ALIAS_NAME>', `<ALIAS_NAME>${alias}</ALIAS_NAME>`);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, xml);
  return file;
}

beforeAll(async () => {
  pub = await startPublisher();
  pub.serve('sdn.csv', OFFICIAL.ofacCsv, new Date('2024-05-03T18:43:23Z'));
  pub.serve('consolidated.xml', OFFICIAL.unXml);
  pub.serve('FCDO_SL_2025-08-11.ods', OFFICIAL.ukOds, new Date('2025-08-11T18:41:00Z'));
  pub.serve('eu.xml', EU_FIXTURE);
  t = await freshDb();
});
afterAll(async () => {
  await pub?.close();
  await t?.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('room39 lists update against a loopback publisher', () => {
  const all = () => settings({
    ofac: pub.url('ok', 'sdn.csv'), un: pub.url('ok', 'consolidated.xml'), uk: pub.url('ok', 'FCDO_SL_2025-08-11.ods'), eu: pub.url('ok', 'eu.xml'),
  });

  it('imports OFAC, UN, UK and EU, tells the listeners, and a second run is answered "not modified"', async () => {
    const heard: string[] = [];
    const stop = onListVersionImported((_db, c) => { heard.push(`${c.dataset} ${c.version}`); });
    const first = await updateLists(t.db, all(), { backoffMs: 10 });
    stop();
    expect(first.lists.map((l) => [l.list, l.status, l.entries, l.dprk_entries])).toEqual([
      ['us_ofac_sdn', 'fetched', 14965, 594], ['un_sc_sanctions', 'fetched', 1003, 155],
      ['gb_fcdo_sanctions', 'fetched', 5300, 261], ['eu_fsf', 'fetched', 3, 2],
    ]);
    // Versions by the publisher's date: the file's own (UN, EU), else the server's Last-Modified (OFAC CSV, UK ODS).
    expect(first.lists.map((l) => [l.version, l.published])).toEqual([
      ['2024-05-03', '2024-05-03T18:43:23.000Z'], ['2026-02-27', '2026-02-27T00:00:09.554Z'],
      ['2025-08-11', '2025-08-11T18:41:00.000Z'], ['2026-03-02', '2026-03-02T08:15:00.000Z'],
    ]);
    expect(heard).toEqual(['us_ofac_sdn 2024-05-03', 'un_sc_sanctions 2026-02-27', 'gb_fcdo_sanctions 2025-08-11', 'eu_fsf 2026-03-02']);
    // The UK and EU records are linked to the UN entries of the same people and companies.
    const canonical = async (id: string) => (await t.db.query<{ canonical_id: string }>(`SELECT canonical_id FROM entity_links WHERE member_id = $1 AND undone_at IS NULL AND judgement = 'positive'`, [id]))[0]?.canonical_id ?? id;
    expect(await canonical('gb-dpr0157')).toBe('unsc-kpe-001');
    expect(await canonical('eu-fsf-9001')).toBe('unsc-kpi-001');
    expect(await canonical('eu-fsf-9002')).toBe('unsc-kpe-001');

    const before = await snapshot();
    const seen = pub.requests.length;
    const second = await updateLists(t.db, all());
    expect(second.lists.map((l) => [l.list, l.status, l.version])).toEqual([
      ['us_ofac_sdn', 'not_modified', '2024-05-03'], ['un_sc_sanctions', 'not_modified', '2026-02-27'],
      ['gb_fcdo_sanctions', 'not_modified', '2025-08-11'], ['eu_fsf', 'not_modified', '2026-03-02'],
    ]);
    const conditional = pub.requests.slice(seen);
    expect(conditional.map((r) => r.status)).toEqual([304, 304, 304, 304]);
    expect(conditional.every((r) => r.ifNoneMatch && r.ifModifiedSince)).toBe(true);
    expect(await snapshot()).toEqual(before);

    const status = await listStatus(t.db, all());
    for (const l of status.lists) {
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['list', 'version', 'published', 'fetched_at', 'entries', 'dprk_entries', 'source_url']));
      expect(l.stale).toBe(false);
      expect(l.last_check).toBe('not_modified');
    }
    expect(status.lists.map((l) => [l.list, l.source_url])).toEqual([
      ['us_ofac_sdn', pub.url('ok', 'sdn.csv')], ['un_sc_sanctions', pub.url('ok', 'consolidated.xml')],
      ['gb_fcdo_sanctions', pub.url('ok', 'FCDO_SL_2025-08-11.ods')], ['eu_fsf', pub.url('ok', 'eu.xml')],
    ]);
  }, 600_000);

  it('the same bytes from a server without validators are recognised and not imported again', async () => {
    const before = await snapshot();
    const r = await updateList(t.db, settings({ un: pub.url('stream', 'consolidated.xml') }), 'un');
    expect(r.status).toBe('not_modified');
    expect(await snapshot()).toEqual(before);
  });

  const failures: [string, string, () => string, RegExp, Partial<ListSettings>?][] = [
    ['a 500, after retries with backoff', '500', () => 'consolidated.xml', /answered 500 Internal Server Error \(2 attempts\)/, { retries: 1 }],
    ['a body cut off halfway', 'half', () => 'consolidated.xml', /the download was cut off after \d+ of 2030620 bytes \(the server closed the connection\)/],
    ['a half file sent as if whole', 'cut', () => { pub.serve('newer.xml', unVariant('newer.xml', '2026-03-10T00:00:00.000Z')); return 'newer.xml'; }, /newer\.xml:\d+:\d+: .*(truncated|ends before|malformed)/],
    ['a body that stalls past the timeout', 'slow', () => 'consolidated.xml', /did not finish within 1\.5 s/, { timeoutMs: 1500 }],
    ['a wrong content type', 'html-type', () => 'consolidated.xml', /sent text\/html, not a list file/],
    ['an HTML error page served as XML', 'html', () => 'consolidated.xml', /an HTML page, not the list file/],
    ['an empty 200', 'empty', () => 'consolidated.xml', /empty body/],
    // In megabytes as ROOM39_LIST_MAX_MB counts them: 500 and 20, not 524 and 21.
    ['a response over the size limit (declared)', 'huge', () => 'consolidated.xml', /the file is 500 MB, over the limit of 20 MB \(ROOM39_LIST_MAX_MB\)/, { maxBytes: readListSettings({ ROOM39_LIST_MAX_MB: '20' }).maxBytes }],
    ['a response over the size limit (streamed)', 'stream', () => { pub.serve('copy.xml', OFFICIAL.unXml); return 'copy.xml'; }, /over the limit of 1 MB.*download stopped/, { maxBytes: 1_000_000 }],
    ['a redirect loop, not tried again', 'loop', () => 'consolidated.xml', /redirected too many times \(a redirect loop\); nothing was changed$/, { retries: 2 }],
    ['a date going backwards', 'ok', () => { pub.serve('older.xml', unVariant('older.xml', '2025-01-01T00:00:00.000Z', 'Yun Ho Jin')); return 'older.xml'; }, /older than the imported version 2026-02-27.*date goes backwards/],
    ['the same date with different bytes', 'ok', () => { pub.serve('same-date.xml', unVariant('same-date.xml', '2026-02-27T00:00:09.554Z', 'Yun Ho Jin')); return 'same-date.xml'; }, /published 2026-02-27T00:00:09.554Z, like version 2026-02-27.*content differs/],
    ['another list\'s file at the URL', 'ok', () => 'eu.xml', /document element is <export>, expected <CONSOLIDATED_LIST>/],
  ];

  it.each(failures)('%s leaves the store as it was and says list, URL and problem', async (_what, mode, file, problem, extra) => {
    const name = file();
    const url = pub.url(mode, name);
    const before = await snapshot();
    const r = await updateList(t.db, settings({ un: url }, extra), 'un', { backoffMs: 10 });
    expect(r.status).toBe('failed');
    expect(r.message).toContain('un_sc_sanctions');
    expect(r.message).toContain(url);
    expect(r.message).toMatch(problem);
    expect(r.message).toMatch(/nothing was (changed|imported)/);
    expect(await snapshot()).toEqual(before);
    const status = (await listStatus(t.db, settings({ un: url }))).lists.find((l) => l.list === 'un_sc_sanctions')!;
    expect([status.version, status.last_check]).toEqual(['2026-02-27', 'failed']);
    expect(status.last_error).toBe(r.message);
  }, 120_000);

  it('a second file published later the same day is a new version, labelled by its date', async () => {
    pub.serve('later.xml', unVariant('later.xml', '2026-02-27T18:00:00.000Z', 'Yun Ho Jin'));
    const r = await updateList(t.db, settings({ un: pub.url('ok', 'later.xml') }), 'un');
    expect([r.status, r.version, r.published, r.changed]).toEqual(['fetched', '2026-02-27.2', '2026-02-27T18:00:00.000Z', 1]);
  }, 120_000);

  it('an older version\'s very bytes served again (a stale mirror) fail as a date going backwards, not "not modified"', async () => {
    const url = pub.url('ok', 'consolidated.xml');
    const before = await snapshot();
    const r = await updateList(t.db, settings({ un: url }), 'un');
    expect(r.status).toBe('failed');
    expect(r.message).toBe(`un_sc_sanctions from ${url}: the publisher serves version 2026-02-27 (published 2026-02-27T00:00:09.554Z) again, older than the current version 2026-02-27.2 (published 2026-02-27T18:00:00.000Z); the date goes backwards, so nothing was changed`);
    expect(await snapshot()).toEqual(before);
    const un = (await listStatus(t.db, settings({ un: url }))).lists.find((l) => l.short === 'un')!;
    expect([un.version, un.last_check]).toEqual(['2026-02-27.2', 'failed']);
  }, 120_000);

  it('a list whose URL is empty is off', async () => {
    const r = await updateList(t.db, settings({ un: null }), 'un');
    expect([r.status, r.message]).toEqual(['off', 'off (ROOM39_LIST_URL_UN is empty)']);
    expect(readListSettings({ ROOM39_LIST_URL_UK: '' }).urls.uk).toBeNull();
    expect(() => readListSettings({ ROOM39_LIST_URL_EU: 'ftp://example.org/list.xml' })).toThrow(/ROOM39_LIST_URL_EU must be an http\(s\) URL/);
  });
});
