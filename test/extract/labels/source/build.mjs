import fs from 'node:fs';
import { COUNTRY_SURFACES } from './surfaces.mjs';
import { PERSON_ORG, EXTRA_004, LEGAL, COUNTRY_EXCLUDE, FIGURES, SHARE_OF, HOSTS } from './spec.mjs';
const files = { '000':'000_f1b9ea9c34f2a41a.txt','001':'001_ed61e6457cd6775b.txt','002':'002_f37b5ce9e088c4eb.txt','003':'003_013e44e156a0b3b0.txt','004':'004_44246f2efce558ec.txt' };
const esc = (s)=>s.replace(/[.*+?^${}()|[\]\\]/g,'\\$&').replace(/ /g,'[ \\u00a0]');
const all = (t, s) => [...t.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${esc(s)}(?![\\p{L}\\p{N}])`,'gu'))].map(m=>m.index);
for (const [id, file] of Object.entries(files)) {
  const t = fs.readFileSync(new URL('../../../../data/sources/seeds/', import.meta.url).pathname+file,'utf8');
  const placed = [];
  const free = (s,e)=>!placed.some(p=>s<p.end && p.start<e);
  const mentions = [];
  const put = (m)=>{ placed.push(m); mentions.push(m); };
  for (const [surface, caption] of (LEGAL[id]??[]).slice().sort((a,b)=>b[0].length-a[0].length))
    for (const i of all(t, surface)) if (free(i,i+surface.length)) put({type:'legal_instrument', text: t.slice(i,i+surface.length), start:i, end:i+surface.length, canonical: caption});
  const po = (PERSON_ORG[id]??[]).slice().sort((a,b)=>b[1].length-a[1].length);
  for (const [ty, surface, canon] of po)
    for (const i of all(t, surface)) if (free(i,i+surface.length)) put({type: ty==='org'?'organization':'person', text: t.slice(i,i+surface.length), start:i, end:i+surface.length, canonical: canon});
  if (id==='004') for (const [ty, ctx, surface] of EXTRA_004) { const c = t.indexOf(ctx); if (c<0) throw new Error(ctx); const i = c + ctx.indexOf(surface); if (free(i,i+surface.length)) put({type:'person', text:surface, start:i, end:i+surface.length, canonical:'Kim Won Hong'}); else throw new Error('overlap '+ctx); }
  const forms = Object.entries(COUNTRY_SURFACES).flatMap(([c,l])=>l.map(s=>[s,c])).sort((a,b)=>b[0].length-a[0].length);
  const excl = COUNTRY_EXCLUDE[id] ?? [];
  const exclHits = new Set();
  for (const [surface, code] of forms) for (const i of all(t, surface)) {
    if (!free(i,i+surface.length)) continue;
    const ex = excl.find(([s,ctx])=>{ if (s!==surface) return false; const k = ctx.indexOf(surface); return t.slice(i-k, i-k+ctx.length)===ctx; });
    if (ex) { exclHits.add(ex.join('|')); placed.push({start:i,end:i+surface.length}); continue; }
    put({type:'country', text: t.slice(i,i+surface.length), start:i, end:i+surface.length, country: code});
  }
  for (const e of excl) if (!exclHits.has(e.join('|'))) console.error('unused exclusion', id, e);
  mentions.sort((a,b)=>a.start-b.start);
  const figures = [];
  for (const [kind, text, occ, low, high, unit, qualifier, country, of] of FIGURES[id]??[]) {
    const idx = all(t, text); const i = Array.isArray(occ) ? t.indexOf(occ[0]) + occ[0].indexOf(text) : idx[occ-1];
    if (i===undefined) throw new Error(`figure not found ${id} ${text} #${occ}`);
    const shareOf = kind === 'share' ? SHARE_OF[id]?.[`${text}#${Array.isArray(occ) ? 1 : occ}`] : undefined;
    if (kind === 'share' && !shareOf) throw new Error(`share without its whole: ${id} ${text} #${occ}`);
    figures.push({kind, text: t.slice(i,i+text.length), start:i, end:i+text.length, low, high, unit, qualifier, country, ...(of?{of}:{}), ...(shareOf?{share_of: shareOf}:{})});
  }
  figures.sort((a,b)=>a.start-b.start);
  const out = { document: 'data/sources/seeds/'+file, source_id: 'seed-'+id, host_countries: HOSTS[id], mentions: mentions.map(({type,text,start,end,country,canonical})=>({type,text,start,end,...(type==='country'?{country}:{}),...(canonical?{canonical}:{})})), figures };
  for (const m of out.mentions) if (t.slice(m.start,m.end)!==m.text) throw new Error('bad offset');
  fs.writeFileSync(new URL(`../seed-${id}.json`, import.meta.url).pathname, JSON.stringify(out, null, 1).replace(/\n  +/g,' ').replace(/\n \}/g,' }') + '\n');
  const counts = {}; for (const m of mentions) counts[m.type]=(counts[m.type]||0)+1; for (const f of figures) counts[f.kind]=(counts[f.kind]||0)+1;
  console.log(id, JSON.stringify(counts));
}
