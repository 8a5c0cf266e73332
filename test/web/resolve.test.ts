/**
 * The Resolve page in a real browser, on the real OFAC, UN and UK lists just
 * imported: the empty queue says the cross-reference job has not run (to a
 * visitor: that an editor runs it); a signed-in editor runs it from the page
 * and finds the UK's own name-only Kim Won-Hong (DPR0043) in
 * the review queue beside the OFAC record the seed entity holds, writes why,
 * and judges the pair the same entity (the cards show the lists' addresses); the note is kept with the judgement
 * and shown on the entity page (judging a pair a colleague judged since the
 * page was loaded says whose judgement it replaced), which now holds the UK record; undone from
 * there, the page says who undid it.
 */
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, webFixture } from './harness.ts';
import { createUser } from '../../src/auth/service.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { decide } from '../../src/resolve/index.ts';
import { canonicalId, judgementsOf } from '../../src/store/resolver.ts';
import { OFFICIAL } from '../support/official.ts';

const EDITOR = { username: 'resolve-editor', password: 'a-long-test-password-for-resolve-9' };
const WHY = 'OFSI group 13366: the Minister of State Security named in the OFAC entry';
const web = webFixture(async (services) => {
    await createUser(services.db, { ...EDITOR, role: 'editor' }, 'test');
    await importListFile(services.db, { format: 'uk', file: OFFICIAL.ukOds, date: '2025-08-11' });
  }, 900_000);

describe('the Resolve page', () => {
  it('an editor judges a candidate pair with a note; the entity page shows the note and, once undone, who undid it and why', async () => {
    const db = web.server.services.db;
    const { page, context, problems } = await newPage(web.browser);
    await page.goto(web.server.url + '/resolve');
    // Fresh lists, no job run yet: the page says so, and who can run it.
    const why = page.locator('.xref-state');
    await expect(why.textContent()).resolves.toMatch(/^Nothing to review yet: the cross-reference job has not run on this store \(lists imported: .*gb_fcdo_sanctions 2025-08-11.*\).* An editor runs the cross-reference job: sign in as one above\.$/);
    await page.getByLabel('Username').fill(EDITOR.username);
    await page.getByLabel('Password').fill(EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await why.filter({ hasText: 'Run the cross-reference job (the button above' }).waitFor();
    await screenshot(page, 'resolve-never-run');
    await page.getByRole('button', { name: 'Run the cross-reference job' }).click();
    const pair = page.locator('li.candidate').filter({ hasText: 'gb-dpr0043' }).filter({ hasText: 'ofac-21443' });
    await pair.waitFor();
    // The evidence includes the addresses the lists give (the UN's KPe.008 Korea Tangun Trading Corporation, in Pyongyang).
    const unRecord = page.locator('li.candidate .card', { has: page.locator('code', { hasText: /^unsc-kpe-008$/ }) }).first();
    await expect(unRecord.locator('dl.props').textContent()).resolves.toContain("AddressPyongyang, Democratic People's Republic of Korea");
    await pair.getByLabel('Why (kept with the judgement)').fill(WHY);
    await pair.getByRole('button', { name: 'Same entity' }).click();
    await pair.waitFor({ state: 'detached' });
    await screenshot(page, 'resolve-judged');

    const entity = await canonicalId(db, 'ofac-21443');
    expect(await canonicalId(db, 'gb-dpr0043')).toBe(entity);
    const mine = (await judgementsOf(db, ['gb-dpr0043'])).find((j) => j.rule === null && j.undone_at === null)!;
    expect(mine.evidence).toMatchObject({ note: WHY });

    // A colleague judges another pair while this page shows it: judging it here says whose judgement it replaced.
    const stale = page.locator('li.candidate').filter({ hasText: 'gb-dpr0014' }).filter({ hasText: 'r39-jon-il-chun' });
    await stale.waitFor();
    await db.transaction((tx) => decide(tx, { a: 'gb-dpr0014', b: 'r39-jon-il-chun', judgement: 'negative', by: 'user:colleague', note: 'a name alone' }));
    await stale.getByRole('button', { name: 'Same entity' }).click();
    await page.getByRole('status').filter({ hasText: 'replaced' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'replaced' }).textContent()).resolves.toBe(
      'Your judgement on gb-dpr0014 and r39-jon-il-chun replaced: different on gb-dpr0014 and r39-jon-il-chun by user:colleague.');

    await page.goto(`${web.server.url}/entity/${encodeURIComponent(entity)}`);
    const row = page.locator('ul.judgements li').filter({ hasText: 'gb-dpr0043' });
    await expect(row.textContent()).resolves.toContain(WHY);
    await row.getByRole('button', { name: 'Undo' }).click();
    await page.locator('ul.judgements li.muted').filter({ hasText: 'gb-dpr0043' }).waitFor();
    await expect(page.locator('ul.judgements li.muted').filter({ hasText: 'gb-dpr0043' }).textContent()).resolves.toMatch(/undone \d{4}-\d{2}-\d{2} by user:resolve-editor: undone/);
    expect(await canonicalId(db, 'gb-dpr0043')).toBe('gb-dpr0043');
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 300_000);
});
