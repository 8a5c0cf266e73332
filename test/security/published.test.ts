/**
 * What "protected" means for testimony already published (issue 16, finding
 * 6; docs/security.md "Protected testimony"). The 28 testimonies of the
 * bundled dataset are quoted from the published seed documents: consent
 * `public_source`, each narrative word for word in its source's stored text,
 * each witness named exactly as the source names them (or, where the source
 * names nobody, described as unnamed), and where public statements quote the
 * same words they cite that same publication. `public_source` cannot be put
 * on testimony a user records unless it names its published source and is
 * quoted from it exactly, so it cannot be used to relabel protected material.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTestimony, listTestimonies } from '../../src/testimony/store.ts';
import { harness, type Harness } from './support.ts';

interface Answer { testimony?: { id: string }; error?: { code: string; field?: string } }

describe('published testimony', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('pglite');
  });
  afterAll(async () => h?.dispose());

  it('the 28 bundled testimonies are public_source, quoted and pseudonymised exactly as their seed document publishes them', async () => {
    const all = (await listTestimonies(h.t.db, { limit: 5000 })).filter((t) => t.created_by === 'room39-curation');
    expect(all).toHaveLength(28);
    const bodies = new Map((await h.t.db.query<{ id: string; body: string }>(`SELECT id, body FROM sources WHERE body IS NOT NULL`)).map((s) => [s.id, s.body]));
    const statements = await h.t.db.query<{ source_id: string; quote: string }>(`SELECT DISTINCT source_id, quote FROM statements WHERE quote IS NOT NULL AND length(quote) >= 40`);
    let quotedInStatements = 0;
    for (const s of all) {
      expect(s.consent, s.id).toBe('public_source');
      expect(s.source_id, s.id).toMatch(/^seed-00\d$/);
      const body = bodies.get(s.source_id!)!;
      const t = await readTestimony(h.t.db, h.keyring, s.id, { actor: 'test', role: 'admin' });
      expect(body.includes(t.narrative), s.id).toBe(true);
      expect(body.includes(t.pseudonym) || /^unnamed /.test(t.pseudonym), `${s.id}: ${t.pseudonym}`).toBe(true);
      // Public statements quoting these words cite the same publication.
      const overlapping = statements.filter((st) => t.narrative.includes(st.quote) || st.quote.includes(t.narrative));
      for (const st of overlapping) expect(st.source_id, s.id).toBe(s.source_id);
      quotedInStatements += overlapping.length ? 1 : 0;
    }
    expect(quotedInStatements).toBeGreaterThan(0);
  });

  it('public_source on recorded testimony needs its published source, and the narrative quoted from it exactly', async () => {
    const [{ body }] = (await h.t.db.query<{ body: string }>(`SELECT body FROM sources WHERE id = 'seed-002'`)) as [{ body: string }];
    const quoted = body.slice(body.indexOf('The guards called girls'), body.indexOf('The guards called girls') + 120);
    expect(quoted.length).toBe(120);
    const post = async (body: Record<string, unknown>) => {
      const res = await h.call('POST', '/api/testimony', { as: h.logins.editor, body: { pseudonym: 'Kim XX, 40, Saebyul County', ...body } });
      return { status: res.status, json: (await res.json()) as Answer };
    };
    expect(await post({ narrative: 'told to us in an interview', consent: 'public_source' })).toMatchObject({ status: 400, json: { error: { field: 'source_id' } } });
    expect(await post({ narrative: 'told to us in an interview', consent: 'public_source', source_id: 'no-such-source' })).toMatchObject({ status: 400, json: { error: { field: 'source_id' } } });
    expect(await post({ narrative: 'told to us in an interview', consent: 'public_source', source_id: 'seed-002' })).toMatchObject({ status: 400, json: { error: { field: 'narrative' } } });
    const ok = await post({ narrative: quoted, consent: 'public_source', source_id: 'seed-002' });
    expect(ok.status).toBe(201);

    // Recorded as restricted, it cannot be relabelled public_source without its publication.
    const mine = await post({ narrative: 'told to us in an interview, not published', consent: 'restricted' });
    expect(mine.status).toBe(201);
    const id = mine.json.testimony!.id;
    const relabel = await h.call('PATCH', `/api/testimony/${id}`, { as: h.logins.editor, body: { consent: 'public_source', source_id: 'seed-002' }, headers: { 'if-match': '"1"' } });
    expect(relabel.status).toBe(400);
    expect(((await relabel.json()) as Answer).error!.field).toBe('narrative');
    const [row] = await h.t.db.query<{ consent: string }>('SELECT consent FROM testimonies WHERE id = $1', [id]);
    expect(row!.consent).toBe('restricted');
  });
});
