/**
 * A data editor deciding pairs, on the real OFAC, UN and UK lists: the UK's
 * own name-only Kim Won-Hong (DPR0043) waits in the review queue beside the
 * seed entity and the OFAC record joined to it; `room39 resolve show` gives
 * each judgement's evidence (the rule's, or the editor's note and the
 * candidate's explanation) and its undo; a note or undo reason too long for a
 * judgement is refused the same way from the command line and over HTTP,
 * and an unknown id is not found (rather than answered as an entity of its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { resolveCommand } from '../../src/cli/commands/resolve.ts';
import type { CliContext, CommandResult } from '../../src/cli/command.ts';
import { decide, openCandidates, runXref } from '../../src/resolve/index.ts';
import { canonicalId, judgementsOf, NOTE_MAX } from '../../src/store/resolver.ts';
import { OFFICIAL } from '../support/official.ts';

let t: TestServices;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await openTestServices();
  app = createApp(t.services);
  await importListFile(t.services.db, { format: 'uk', file: OFFICIAL.ukOds, date: '2025-08-11' });
  await t.services.db.transaction((tx) => runXref(tx));
}, 900_000);
afterAll(async () => t?.dispose());

/** `room39 resolve ARGS` in this process, on the test's store. */
async function resolve(positionals: string[], values: Record<string, string | boolean> = {}): Promise<CommandResult> {
  const ctx = { args: { positionals, values }, json: false, settings: t.services.settings, services: async () => t.services, log: () => {} } as unknown as CliContext;
  return (await resolveCommand.run(ctx)) as CommandResult;
}
const text = (r: CommandResult) => (r as { text: string }).text;

describe('an editor deciding pairs across the lists', { timeout: 600_000 }, () => {
  it('the UK-only Kim Won-Hong is in the queue, against the entity the seed and OFAC records make', async () => {
    expect(await canonicalId(t.services.db, 'gb-dpr0043')).toBe('gb-dpr0043');
    const seedEntity = await canonicalId(t.services.db, 'ofac-21443');
    const { candidates } = await openCandidates(t.services.db, { limit: 500 });
    const his = candidates.filter((c) => [c.left.id, c.right.id].includes('gb-dpr0043'));
    expect(his.map((c) => (c.left.id === 'gb-dpr0043' ? c.right : c.left).canonical_id)).toContain(seedEntity);
    expect(his.every((c) => !c.proposed)).toBe(true);
  });

  it('resolve candidates prints, under each pair, what speaks for and against it; a second editor overruling the first is told whose judgement was undone', async () => {
    const listed = text(await resolve(['candidates'], { limit: '500' }));
    // The UK-only Kim Won-Hong: nothing beside the name agrees (the CLI said only the two names and programmes before).
    const at = listed.indexOf('gb-dpr0043');
    expect(at).toBeGreaterThan(-1);
    expect(listed.slice(at, listed.indexOf('\n1.00', at) > 0 ? listed.indexOf('\n1.00', at) : undefined)).toMatch(/corroboration +nothing beside the name agrees/);
    // A proposed pair says what agrees beside the name.
    expect(listed).toMatch(/corroboration +beside the name: /);
    const first = text(await resolve(['same', 'ofac-22996', 'unsc-kpi-068'], { reviewer: 'alice', note: 'same FTB post' }));
    expect(first).toMatch(/judged positive by cli:alice\.$/);
    const again = text(await resolve(['same', 'unsc-kpi-068', 'ofac-22996'], { reviewer: 'bob' }));
    expect(again).toMatch(/judged positive by cli:alice \(already judged so by cli:alice on \d{4}-\d{2}-\d{2}; kept\)\.$/);
    const overruled = text(await resolve(['different', 'ofac-22996', 'unsc-kpi-068'], { reviewer: 'bob' }));
    expect(overruled).toMatch(/judged negative by cli:bob; undone: jdg-\w+ \(positive on ofac-22996 and unsc-kpi-068, by cli:alice\)\.$/);
  });

  it('resolve show prints what each judgement rests on: the rule\'s evidence, the editor\'s note and the candidate\'s explanation, the undo', async () => {
    const db = t.services.db;
    const made = await db.transaction((tx) => decide(tx, { a: 'gb-dpr0043', b: 'ofac-21443', judgement: 'positive', by: 'cli:alice', note: 'OFSI group 13366 names the Minister of State Security' }));
    const bob = await db.transaction((tx) => decide(tx, { a: 'gb-dpr0043', b: 'ofac-21443', judgement: 'negative', by: 'cli:bob', note: 'no birth date on the UK row' }));
    expect(bob.undone).toEqual([made.judgement!.id]);
    const shown = text(await resolve(['show', 'ofac-21443']));
    // The rule that joined the OFAC and seed records, with its evidence.
    const rule = (await judgementsOf(db, ['ofac-21443'])).find((j) => j.rule !== null && j.undone_at === null)!;
    expect(shown).toContain(`rule ${rule.rule}`);
    expect(shown).toMatch(/positions: minister state security/);
    // The editors' notes, the candidate's explanation, and whose judgement replaced whose.
    expect(shown).toContain('note: OFSI group 13366 names the Minister of State Security');
    expect(shown).toContain('note: no birth date on the UK row');
    expect(shown).toMatch(/corroboration: nothing beside the name agrees/);
    expect(shown).toContain('by cli:bob: replaced by a negative judgement on gb-dpr0043 and ofac-21443');
  });

  it('a note or undo reason longer than a judgement keeps is refused in every door, and nothing is stored', async () => {
    const db = t.services.db;
    const long = 'x'.repeat(10_000);
    const before = (await judgementsOf(db, ['gb-dpr0044'])).length;
    await expect(resolve(['same', 'gb-dpr0044', 'ofac-17614'], { reviewer: 'carol', note: long })).rejects.toThrow(`the note is 10000 characters long; at most ${NOTE_MAX}`);
    expect((await judgementsOf(db, ['gb-dpr0044'])).length).toBe(before);
    const [standing] = (await judgementsOf(db, ['gb-dpr0043'])).filter((j) => j.rule === null && j.undone_at === null);
    await expect(resolve(['undo', standing!.id], { reviewer: 'carol', note: long })).rejects.toThrow(`the reason for undoing is 10000 characters long; at most ${NOTE_MAX}`);
    expect((await judgementsOf(db, ['gb-dpr0043'])).find((j) => j.id === standing!.id)!.undone_at).toBeNull();
  });

  it('a person\'s merge that would put two records of one list into one entity is refused, saying which, unless forced', async () => {
    const db = t.services.db;
    // The UK's own "Kim Yong Chol" (DPR0044) joined to OFAC 12211 (born about 1947), then OFAC 12211 to the UK's UN row DPR0241:
    // that would join OFAC 12211 to OFAC 17614 (born 1962), whom DPR0241 implements.
    text(await resolve(['same', 'gb-dpr0044', 'ofac-12211'], { reviewer: 'erin' }));
    await expect(resolve(['same', 'ofac-12211', 'gb-dpr0241'], { reviewer: 'erin' })).rejects.toThrow(/would put (ofac-17614 and ofac-12211|ofac-12211 and ofac-17614), two records of one list, into one entity/);
    expect(await canonicalId(db, 'ofac-12211')).not.toBe(await canonicalId(db, 'ofac-17614'));
    await db.transaction((tx) => decide(tx, { a: 'ofac-12211', b: 'gb-dpr0241', judgement: 'positive', by: 'cli:erin', force: true }));
    expect(await canonicalId(db, 'ofac-12211')).toBe(await canonicalId(db, 'ofac-17614'));
  });

  it('an unknown id is not found, from the command line and over HTTP', async () => {
    await expect(resolve(['show', 'no-such-record'])).rejects.toThrow('no record with id "no-such-record"');
    const res = await app.request('/api/resolve/entities/no-such-record');
    expect(res.status).toBe(404);
    const known = (await (await app.request('/api/resolve/entities/gb-dpr0043')).json()) as { referents: string[] };
    expect(known.referents).toContain('gb-dpr0043');
  });
});
