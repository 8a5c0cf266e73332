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

interface Op {
  summary: string;
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
    responses: { '200': { description: op.returns, content: { 'application/json': { schema: { type: 'object' } } } }, ...errorResponses },
  };
}

const paths: Record<string, Record<string, Op>> = {
  '/healthz': { get: { summary: 'Liveness and store status', returns: '{"status","database","entities"}' } },
  '/api/search': { get: { summary: 'Search entities by name or alias (case, accents, hyphens, spacing and word order ignored)', query: ['q: the name (required, ≤ 1000 characters)', 'schema: FtM schema; descendants included', 'dataset', 'limit: 1–500, default 20'], returns: '{"query","results":[{"id","schema","caption","score","datasets","topics","matched"}]}' } },
  '/api/entities/{id}': { get: { summary: 'One entity: properties, every statement with source, quote and grade, and relations', path: ['id'], returns: '{"entity","statements","relations"}' } },
  '/api/countries': { get: { summary: 'Host countries of North Korean workers with their sourced figures for a year', query: ['year'], returns: '{"countries":[…]}' } },
  '/api/countries/{cc}': { get: { summary: 'One host country: figures with quotes, deployments, TIP ratings and actions', path: ['cc'], returns: 'country record' } },
  '/api/figures': { get: { summary: 'Sourced figures (worker counts, shares, wages, revenue), filterable', query: ['country', 'metric', 'entity'], returns: '{"figures":[…]}' } },
  '/api/headline': { get: { summary: 'Headline figures with their sources', returns: 'headline figures' } },
  '/api/timeline': { get: { summary: 'Designations, delistings, host-country actions, TIP ratings and reports by date', query: ['types', 'from', 'to'], returns: '{"events":[…]}' } },
  '/api/network/{id}': { get: { summary: 'The entities and relations around one entity', path: ['id'], query: ['depth'], returns: '{"nodes","edges"}' } },
  '/api/changes': { get: { summary: 'Designations added, changed and removed between official list versions', query: ['since: ISO date', 'dataset', 'change: added|changed|removed'], returns: '{"changes":[…]}' } },
  '/api/screen': { post: { summary: 'Screen up to 10,000 rows (JSON rows or CSV text) against DPRK designations and labour-export fronts', body: '{"rows":[{"name","schema","country","birth_date","id_number"}],"threshold","dataset"} or text/csv', returns: '{"rows":[{"row","input","matches":[{"id","caption","schema","score","match","datasets","explanation","flags"}]}]}' } },
  '/match/{dataset}': { post: { summary: 'yente-compatible matching (the OpenSanctions /match API): queries keyed by id, results with score, match and explanation', path: ['dataset'], query: ['threshold', 'limit'], body: '{"queries":{"key":{"schema","properties":{"name":[…]}}}}', returns: '{"responses":{"key":{"status","results","total","query"}}}' } },
  '/reconcile': {
    get: { summary: 'OpenRefine Reconciliation Service manifest; with queries= (JSON) answers a batch', query: ['queries', 'callback: JSONP'], returns: 'manifest or {"q0":{"result":[…]}}' },
    post: { summary: 'OpenRefine batched reconciliation (form field queries=)', returns: '{"q0":{"result":[…]}}' },
  },
  '/reconcile/preview': { get: { summary: 'A small HTML card of an entity for OpenRefine', query: ['id'], returns: 'text/html' } },
  '/api/documents': {
    post: { summary: 'Upload a document (text, HTML or PDF; raw body, multipart or {"text"}): extracts mentions and figures into the review queue', returns: '{"document","mentions","figures"}' },
    get: { summary: 'Uploaded documents', returns: '{"documents":[…]}' },
  },
  '/api/documents/{id}': { get: { summary: 'One document with its text, mentions and figures (offsets into the text)', path: ['id'], returns: 'document' } },
  '/api/extract': { post: { summary: 'Extract mentions and figures without storing anything', returns: '{"mentions","figures"}' } },
  '/api/review': { get: { summary: 'The review queue of extracted claims', query: ['status', 'document'], returns: '{"items":[…]}', role: 'analyst' } },
  '/api/review/{id}': { get: { summary: 'One review item', path: ['id'], returns: 'item', role: 'analyst' } },
  '/api/review/{id}/accept': { post: { summary: 'Accept a claim: it joins the graph with its quote and the reviewer’s name', path: ['id'], returns: 'decision', role: 'analyst' } },
  '/api/review/{id}/correct': { post: { summary: 'Correct a claim, then accept it', path: ['id'], body: '{"set":{…}}', returns: 'decision', role: 'analyst' } },
  '/api/review/{id}/reject': { post: { summary: 'Reject a claim', path: ['id'], returns: 'decision', role: 'analyst' } },
  '/api/resolve': { get: { summary: 'Entity resolution figures: canonical entities, records merged, open cross-reference candidates, judgements by rule and by people', returns: '{"canonical_entities","records","records_merged","merged_entities","open_candidates","open_proposed","judgements"}' } },
  '/api/resolve/candidates': { get: { summary: 'The open candidate pairs of the cross-reference job, both records side by side, with score and explanation', query: ['limit', 'offset', 'proposed'], returns: '{"total","proposed","candidates":[{"left","right","score","proposed","explanation"}]}' } },
  '/api/resolve/xref': { post: { summary: 'Run the cross-reference job: candidate pairs across the lists and the seed graph', returns: '{"screened","candidates","proposed","settled"}', role: 'editor' } },
  '/api/resolve/judgements': { post: { summary: 'Judge two records: same (merge), different (keep apart, even when a rule would join them) or unsure', body: '{"a","b","judgement":"same|different|unsure","note"}', returns: '{"judgement","undone"}', role: 'editor' } },
  '/api/resolve/judgements/{id}/undo': { post: { summary: 'Undo a judgement (the row is kept, marked undone)', path: ['id'], body: '{"note"}', returns: '{"judgement"}', role: 'editor' } },
  '/api/resolve/entities/{id}': { get: { summary: 'The records behind an entity and every judgement on them', path: ['id'], returns: '{"id","referents","judgements"}' } },
  '/api/estimate': { get: { summary: "Monte Carlo estimate of the regime's revenue from labour export, with inputs and their sources", query: ['year', 'draws', 'seed', 'exclude: CC,CC', 'override: metric=low..high or CC:metric=…, repeatable'], returns: '{"year","draws","revenue_usd":{"p5","p50","p95","mean"},"workers":{"p5","p50","p95"},"inputs":[…]}' } },
  '/api/auth/login': { post: { summary: 'Log in; sets an HttpOnly, SameSite session cookie and returns the CSRF token', body: '{"username","password"}', returns: '{"user","csrf"}' } },
  '/api/auth/logout': { post: { summary: 'Log out', returns: '{"ok":true}' } },
  '/api/auth/session': { get: { summary: 'The current session and its CSRF token', returns: '{"user","csrf"}' } },
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
