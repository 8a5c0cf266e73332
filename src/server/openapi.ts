/** The OpenAPI 3.1 description of room39's HTTP API, served at /openapi.json. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const errorSchema: Json = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } },
};
const errorResponses: { [status: string]: Json } = {
  '400': { description: 'Invalid request: the message says what and where', content: { 'application/json': { schema: errorSchema } } },
  '401': { description: 'An account is needed', content: { 'application/json': { schema: errorSchema } } },
  '403': { description: 'The account’s role may not do this', content: { 'application/json': { schema: errorSchema } } },
  '404': { description: 'Not found', content: { 'application/json': { schema: errorSchema } } },
  '429': { description: 'Rate limited', content: { 'application/json': { schema: errorSchema } } },
};

const yenteErrorSchema: Json = { type: 'object', properties: { detail: {} }, required: ['detail'] };
const yenteErrorResponses: { [status: string]: Json } = {
  '400': { description: 'Invalid request (yente\u2019s error body)', content: { 'application/json': { schema: yenteErrorSchema } } },
  '404': { description: 'No such dataset or entity', content: { 'application/json': { schema: yenteErrorSchema } } },
  '422': { description: 'A query parameter or the body does not validate: detail lists what and where', content: { 'application/json': { schema: yenteErrorSchema } } },
};

interface Op {
  summary: string;
  /** Speaks yente's API: errors are `{"detail": …}`. */
  yente?: boolean;
  returns: string;
  query?: string[];
  path?: string[];
  body?: string;
  role?: string;
}

function operation(op: Op): Json {
  const parameters: Json[] = [
    ...(op.path ?? []).map((name): Json => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...(op.query ?? []).map((q): Json => {
      const [name, description] = q.split(': ');
      return { name: name!, in: 'query', schema: { type: 'string' }, ...(description ? { description } : {}) };
    }),
  ];
  return {
    summary: op.summary,
    ...(op.role ? { description: `Needs an account with role ${op.role}.` } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, description: op.body, content: { 'application/json': { schema: { type: 'object' } } } } } : {}),
    responses: { '200': { description: op.returns, content: { 'application/json': { schema: { type: 'object' } } } }, ...(op.yente ? yenteErrorResponses : errorResponses) },
  };
}

const paths: Record<string, Record<string, Op>> = {
  '/healthz': { get: { summary: 'Liveness, store status and the freshness of each official list', returns: '{"status","database","entities","lists":[{"list","version","published","fetched_at","entries","stale","checked_at","last_check","last_error"}],"lists_stale","lists_note"}' } },
  '/api/search': { get: { summary: 'Search entities by name or alias (case, accents, hyphens, spacing and word order ignored)', query: ['q: the name (required, ≤ 1000 characters)', 'schema: FtM schema, or Country, in any case; descendants included; an unknown one is a 400', 'dataset: an unknown one is a 400', 'limit: 1–500, default 20'], returns: '{"query","results":[{"id","schema","caption","score","datasets","topics","matched"}]}' } },
  '/api/entities/{id}': { get: { summary: 'One entity: properties, every statement with source, quote and grade, and relations', path: ['id'], returns: '{"entity","statements","relations"}' } },
  '/api/countries': { get: { summary: 'Host countries of North Korean workers with their sourced figures for a year', query: ['year'], returns: '{"countries":[…]}' } },
  '/api/countries/{cc}': { get: { summary: 'One host country: figures with quotes, deployments, TIP ratings and actions', path: ['cc'], returns: 'country record' } },
  '/api/figures': { get: { summary: 'Sourced figures (worker counts, shares, wages, revenue), filterable', query: ['country', 'metric', 'entity'], returns: '{"figures":[…]}' } },
  '/api/headline': { get: { summary: 'Headline figures with their sources', returns: 'headline figures' } },
  '/api/timeline': { get: { summary: 'Designations, delistings, host-country actions, TIP ratings and reports by date', query: ['types', 'from', 'to'], returns: '{"events":[…]}' } },
  '/api/network/{id}': { get: { summary: 'The entities and relations around one entity', path: ['id'], query: ['depth'], returns: '{"nodes","edges"}' } },
  '/api/cases': {
    get: { summary: 'Screening cases: the caller\u2019s own saved screenings (every case for an admin); another account\u2019s case answers 404 at every path below', returns: '{"cases":[…]}', role: 'analyst' },
    post: { summary: 'Create a case (multipart: name, file (CSV or .xlsx), mapping (JSON header → field), threshold, dataset, webhook); the rows are screened and kept. A name is unique among the caller\u2019s own cases (409 for one of theirs), not across accounts', returns: '{"case"}', role: 'analyst' },
  },
  '/api/cases/preview': { post: { summary: 'How an uploaded file reads: encoding, separator, sheet, the field each column is read as, first rows', returns: '{"info","rows","sample"}', role: 'analyst' } },
  '/api/cases/{name}': {
    get: { summary: 'A case: its settings, list versions (published, SHA-256) and runs. {name} is the case\u2019s name (the caller\u2019s own first) or its id; an admin who sees several cases of one name is told their ids', path: ['name'], returns: '{"case","lists","runs"}', role: 'analyst' },
    delete: { summary: 'Delete a case', path: ['name'], returns: '{"deleted":true}', role: 'analyst' },
  },
  '/api/cases/{name}/rows': { get: { summary: 'Rows with their results, the decision in force on each and the supplier-risk indicator', path: ['name'], query: ['offset', 'limit: 1–500', 'all: 1 for every row'], returns: '{"total","rows":[…]}', role: 'analyst' } },
  '/api/cases/{name}/decisions': { post: { summary: 'Decide on a result: confirmed, false_positive or needs_review, with a reason', path: ['name'], body: '{"row","entity_id","decision","reason"}', returns: '{"decision"}', role: 'analyst' } },
  '/api/cases/{name}/alerts': { get: { summary: 'Alerts list changes raised', path: ['name'], query: ['since: ISO date or time'], returns: '{"alerts":[{"row","entity_id","caption","change","list","version","at"}]}', role: 'analyst' } },
  '/api/cases/{name}/rescreen': { post: { summary: 'Re-screen now against the list versions imported since the last run', path: ['name'], returns: '{"rescreened":[…]}', role: 'analyst' } },
  '/api/cases/{name}/report/{format}': { get: { summary: 'The audit report, html or pdf; its SHA-256 is in the X-Report-SHA256 header and the audit trail', path: ['name', 'format'], returns: 'the report', role: 'analyst' } },
  '/api/lists': { get: { summary: 'Each official list: version, publication date, last check, freshness', returns: '{"lists":[{"list","version","published","fetched_at","entries","dprk_entries","source_url","checked_at","stale"}]}' } },
  '/api/lists/update': { post: { summary: 'Fetch the current official lists from their publishers now (editor)', body: '{"list":"ofac|un|uk|eu|all"}', returns: '{"lists":[{"list","status","message","version","entries"}]}' } },
  '/api/changes': { get: { summary: 'Designations added, changed and removed between official list versions', query: ['since: ISO date', 'dataset', 'change: added|changed|removed'], returns: '{"changes":[…]}' } },
  '/api/screen': { post: { summary: 'Screen up to 10,000 rows (JSON rows or CSV text) against DPRK designations and labour-export fronts; a row may give its number in its file ("row"), used in its messages', body: '{"rows":[{"row","name","schema","country","birth_date","id_number"}],"threshold","dataset"} or text/csv', returns: '{"rows":[{"row","input","matches":[{"id","caption","schema","score","match","datasets","explanation","flags"}]}]}' } },
  '/api/screen/read': { post: { summary: 'Read a file to screen with the reader room39 screen and the cases use (CSV in any common encoding and separator; .xlsx as the cases read it; at most 10 MB and 100,000 rows: 413 past it), without screening it: its rows, how it was read, and the reader\u2019s warnings', query: ['filename: named in messages', 'encoding', 'delimiter', 'sheet'], body: 'the file\u2019s bytes (application/octet-stream)', returns: '{"info":{"format","encoding","delimiter","sheet","headers","mapping"},"rows":[{"row","input"}],"warnings"}' } },
  '/match/{dataset}': {
    post: {
      yente: true,
      summary: 'yente-compatible matching (the OpenSanctions /match API): queries keyed by id, results with score, match and explanation; dataset from /catalog (unknown: 404)',
      path: ['dataset'],
      query: [
        'threshold: 0–1, score at or above which a result is a match (default 0.8, room39\u2019s matcher)', 'cutoff: 0–1, results at or under it are not returned (default 0.5)',
        'limit: 1–500, default 5', 'algorithm: see /algorithms (room39)', 'include_dataset: repeatable', 'exclude_dataset: repeatable', 'exclude_schema: repeatable',
        'topics: repeatable, any of them', 'changed_since: YYYY-MM-DD[THH:MM:SS]', 'exclude_entity_ids: repeatable, at most 50; a merged record excludes its entity',
      ],
      body: '{"queries":{"key":{"schema","properties":{"name":[…]}}},"weights":{"dob_match":0.5,…},"config":{}}',
      returns: '{"responses":{"key":{"status","results","total":{"value":matches},"query"}},"matcher","limit"}',
    },
  },
  '/search/{dataset}': {
    get: {
      yente: true, summary: 'yente-compatible entity search by name, with filters and facets', path: ['dataset'],
      query: ['q', 'schema', 'limit: 0–500, default 10', 'offset', 'countries', 'topics', 'datasets', 'include_dataset', 'exclude_dataset', 'exclude_schema', 'changed_since', 'target', 'facets: countries, topics, datasets, schema'],
      returns: '{"results":[EntityResponse],"facets","total","limit","offset"}',
    },
  },
  '/entities/{id}': { get: { yente: true, summary: 'yente-compatible entity (308 to the entity a merged record belongs to; a browser asking for HTML is sent to the entity page)', path: ['id'], query: ['nested: true (default) nests the entities that point at it'], returns: 'EntityResponse' } },
  '/catalog': { get: { yente: true, summary: 'The datasets (official lists with every version, publication and import dates; the curated graph) and collections', returns: '{"datasets":[…],"current","outdated","index_stale"}' } },
  '/algorithms': { get: { yente: true, summary: 'The matching algorithm and its features (generated from the matcher)', returns: '{"algorithms":[{"name","description","features"}],"default","best"}' } },
  '/readyz': { get: { yente: true, summary: 'Ready when the screening index is built (503 while it builds)', returns: '{"status":"ok"}' } },
  '/reconcile': {
    get: { summary: 'OpenRefine Reconciliation Service (API 0.2) manifest; with queries= a batch, with extend= a data extension', query: ['queries', 'extend', 'callback: JSONP'], returns: 'manifest, {"q0":{"result":[…]}} or {"meta","rows"}' },
    post: { summary: 'OpenRefine batched reconciliation (form field queries=) or data extension (extend=)', returns: '{"q0":{"result":[…]}} or {"meta","rows"}' },
  },
  '/reconcile/{dataset}': { get: { summary: 'The same service over one dataset or collection of /catalog (unknown: 404)', path: ['dataset'], returns: 'manifest' } },
  '/reconcile/preview': { get: { summary: 'A small HTML card of an entity for OpenRefine (may be framed)', query: ['id'], returns: 'text/html' } },
  '/reconcile/suggest/entity': { get: { summary: 'Entities by name prefix', query: ['prefix', 'type', 'cursor', 'limit'], returns: '{"result":[{"id","name","description","notable"}]}' } },
  '/reconcile/suggest/type': { get: { summary: 'Entity types by prefix', query: ['prefix'], returns: '{"result":[{"id","name"}]}' } },
  '/reconcile/suggest/property': { get: { summary: 'Properties by prefix (for data extension)', query: ['prefix', 'type'], returns: '{"result":[{"id","name","description"}]}' } },
  '/reconcile/flyout/entity': { get: { summary: 'A short HTML card of an entity for the suggest box', query: ['id'], returns: '{"id","html"}' } },
  '/reconcile/extend/propose': { get: { summary: 'Columns proposed for a type: country, programme, designation date, authority, topics, datasets, room39 page, FtM properties', query: ['type', 'limit'], returns: '{"type","limit","properties":[{"id","name"}]}' } },
  '/api/documents': {
    post: { summary: 'Submit a document (text, HTML or PDF; raw body, multipart (a `file` field, and a `title` field) or {"text"}): extracts mentions and figures into the review queue; read and extracted in a worker within a time and memory budget (413 past it)', query: ['title: at most 500 characters', 'filename', 'publisher'], returns: '{"source","status","review_items","mentions","figures"}', role: 'analyst' },
    get: { summary: 'The document library: source, date, submitter and claims by review state; q= searches the full text (web-search syntax) and gives the passage that matched', query: ['q', 'limit', 'offset'], returns: '{"documents":[…],"total"}', role: 'analyst' },
  },
  '/api/documents/suggest': { post: { summary: 'Suggest a document (off unless ROOM39_PUBLIC_SUGGEST; 403 then): kept in a moderation queue, nothing extracted until an analyst accepts it', query: ['filename', 'note'], returns: '{"suggestion":{"id","status"},"message"}' } },
  '/api/documents/suggestions': { get: { summary: 'The moderation queue of suggested documents', query: ['status: pending|accepted|rejected', 'limit', 'offset'], returns: '{"suggestions":[…]}', role: 'analyst' } },
  '/api/documents/suggestions/{id}/accept': { post: { summary: 'Accept a suggested document: it is read and submitted like any other', path: ['id'], returns: '{"suggestion","source","review_items"}', role: 'analyst' } },
  '/api/documents/suggestions/{id}/reject': { post: { summary: 'Reject a suggested document (its bytes are dropped)', path: ['id'], returns: '{"suggestion"}', role: 'analyst' } },
  '/api/documents/{id}': { get: { summary: 'One document with its text, its extraction and its claims with their review state (offsets into the text)', path: ['id'], returns: '{"document","text","extraction","claims"}', role: 'analyst' } },
  '/api/extract': { post: { summary: 'Extract mentions and figures without storing anything (in a worker, within a time and memory budget: 413 past it); country mentions carry role host|other, shares share_of', returns: '{"mentions","figures"}' } },
  '/api/review': { get: { summary: 'The review queue of extracted claims', query: ['status', 'document'], returns: '{"items":[…]}', role: 'analyst' } },
  '/api/review/{id}': { get: { summary: 'One review item', path: ['id'], returns: 'item', role: 'analyst' } },
  '/api/review/{id}/accept': { post: { summary: 'Accept a claim: it joins the graph with its quote and the reviewer’s name', path: ['id'], returns: 'decision', role: 'analyst' } },
  '/api/review/{id}/correct': { post: { summary: 'Correct a claim, then accept it', path: ['id'], body: '{"set":{…}}', returns: 'decision', role: 'analyst' } },
  '/api/review/{id}/reject': { post: { summary: 'Reject a claim', path: ['id'], returns: 'decision', role: 'analyst' } },
  '/api/resolve': { get: { summary: 'Entity resolution figures: canonical entities, records merged, open cross-reference candidates, judgements by rule and by people, and whether the cross-reference job has run since the lists changed (xref.state never_run, out_of_date or current)', returns: '{"canonical_entities","records","records_merged","merged_entities","open_candidates","open_proposed","judgements","xref":{"state","ran_at","screened","candidates","proposed","lists_since"}}' } },
  '/api/resolve/candidates': { get: { summary: 'The open candidate pairs of the cross-reference job, both records side by side, with score and explanation', query: ['limit', 'offset', 'proposed'], returns: '{"total","proposed","candidates":[{"left","right","score","proposed","explanation"}],"xref":{"state","ran_at","lists_since"}}' } },
  '/api/resolve/xref': { post: { summary: 'Run the cross-reference job: candidate pairs across the lists and the seed graph', returns: '{"screened","candidates","proposed","settled"}', role: 'editor' } },
  '/api/resolve/judgements': { post: { summary: 'Judge two records: same (merge), different (keep apart, even when a rule would join them) or unsure', body: '{"a","b","judgement":"same|different|unsure","note","force"}', returns: '{"judgement","undone"}', role: 'editor' } },
  '/api/resolve/judgements/{id}/undo': { post: { summary: 'Undo a judgement (the row is kept, marked undone)', path: ['id'], body: '{"note"}', returns: '{"judgement"}', role: 'editor' } },
  '/api/resolve/entities/{id}': { get: { summary: 'The records behind an entity and every judgement on them', path: ['id'], returns: '{"id","referents","judgements"}' } },
  '/api/estimate': { get: { summary: "Monte Carlo estimate of the regime's revenue from labour export, with inputs and their sources", query: ['year', 'draws', 'seed', 'exclude: CC,CC', 'override: metric=low..high or CC:metric=…, repeatable'], returns: '{"year","draws","revenue_usd":{"p5","p50","p95","mean"},"workers":{"p5","p50","p95"},"inputs":[…]}' } },
  '/api/auth/login': { post: { summary: 'Log in; sets an HttpOnly, SameSite session cookie and returns the CSRF token', body: '{"username","password"}', returns: '{"user","csrf_token","expires_at"}' } },
  '/api/auth/logout': { post: { summary: 'Log out', returns: '{"ok":true}' } },
  '/api/auth/session': { get: { summary: 'The current session and its CSRF token; whether anyone may read (public_read) and suggest a document (public_suggest)', returns: '{"user","via","csrf_token","public_read","public_suggest"}' } },
  '/api/users': { get: { summary: 'Accounts', returns: '{"users":[…]}', role: 'admin' }, post: { summary: 'Create an account', body: '{"username","password","role"}', returns: 'user', role: 'admin' } },
  '/api/users/{username}': { get: { summary: 'One account', path: ['username'], returns: 'user', role: 'admin' }, patch: { summary: 'Change an account', path: ['username'], returns: 'user', role: 'admin' } },
  '/api/tokens': { get: { summary: 'Your API tokens', returns: '{"tokens":[…]}' }, post: { summary: 'Create an API token (shown once; stored hashed)', returns: '{"token"}' } },
  '/api/testimony': { get: { summary: 'Testimonies (protected; every read is audited)', returns: '{"testimonies":[…]}', role: 'editor' }, post: { summary: 'Record a testimony (encrypted at rest)', returns: 'testimony', role: 'editor' } },
  '/api/testimony/{id}': { get: { summary: 'One testimony (protected; audited)', path: ['id'], returns: 'testimony', role: 'editor' } },
  '/api/audit': { get: { summary: 'The audit trail', returns: '{"records":[…]}', role: 'admin' } },
  '/api/audit/verify': { get: { summary: 'Verify the audit trail’s hash chain', returns: '{"ok","records"}', role: 'admin' } },
};

export function openApiDocument(): Json {
  const out: { [path: string]: Json } = {};
  for (const [path, methods] of Object.entries(paths)) {
    const item: { [method: string]: Json } = {};
    for (const [method, op] of Object.entries(methods)) item[method] = operation(op);
    out[path] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'room39',
      version: '0.1.0',
      description: "Evidence graph of North Korea's overseas forced-labour system: search, screening, document ingestion, estimation. Every fact carries its source, quote and Admiralty grade. Reading public data and the screening, matching, reconciliation and document-submission doors are open unless the operator sets ROOM39_PUBLIC_READ=0; changes to the graph and protected material need an account.",
    },
    paths: out,
  };
}
