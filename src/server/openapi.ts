/** The OpenAPI 3.1 description of room39's HTTP API, served at /openapi.json. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const errorSchema: Json = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } },
};
const errors: Json = {
  '400': { description: 'Invalid request', content: { 'application/json': { schema: errorSchema } } },
  '404': { description: 'Not found', content: { 'application/json': { schema: errorSchema } } },
};
const jsonBody = (description: string): Json => ({ required: true, content: { 'application/json': { schema: { type: 'object' } } }, description });
const ok = (description: string): Json => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'room39',
      version: '0.1.0',
      description: "Evidence graph of North Korea's overseas forced-labour system: search, screening, document ingestion, estimation. Every fact carries its source, quote and Admiralty grade.",
    },
    paths: {
      '/healthz': { get: { summary: 'Liveness and store status', responses: { '200': ok('status, database kind, entity count') } } },
      '/api/search': {
        get: {
          summary: 'Search entities by name or alias',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 1000 } },
            { name: 'schema', in: 'query', schema: { type: 'string' }, description: 'FtM schema; descendants included (Organization finds Company)' },
            { name: 'dataset', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 20 } },
          ],
          responses: { '200': ok('{"results":[{"id","schema","caption","score","datasets"}]}'), ...(errors as object) },
        },
      },
      '/api/entities/{id}': {
        get: {
          summary: 'One entity with its statements (source, quote, grade) and relations',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': ok('{"entity","statements","relations"}'), ...(errors as object) },
        },
      },
      '/api/screen': { post: { summary: 'Screen up to 10,000 rows (JSON rows or CSV text) against DPRK designations and labour-export fronts', requestBody: jsonBody('{"rows":[{"name","schema","country","birth_date","id_number"}],"threshold","dataset"}'), responses: { '200': ok('{"rows":[{"row","input","matches"}]}'), ...(errors as object) } } },
      '/match/{dataset}': { post: { summary: 'yente-compatible matching (OpenSanctions /match API)', parameters: [{ name: 'dataset', in: 'path', required: true, schema: { type: 'string', enum: ['default', 'dprk'] } }], requestBody: jsonBody('{"queries":{"key":{"schema","properties"}}}'), responses: { '200': ok('{"responses":{"key":{"status","results","total","query"}}}'), ...(errors as object) } } },
      '/reconcile': {
        get: { summary: 'OpenRefine Reconciliation Service manifest (or queries= for batched reconciliation)', responses: { '200': ok('service manifest') } },
        post: { summary: 'OpenRefine batched reconciliation queries (form field queries=)', responses: { '200': ok('{"q0":{"result":[…]}}') } },
      },
      '/api/documents': { post: { summary: 'Upload a document (txt, html, pdf): extract mentions and figures into the review queue', responses: { '200': ok('{"document","mentions","figures"}'), ...(errors as object) } } },
      '/api/estimate': {
        get: {
          summary: "Monte Carlo estimate of the regime's revenue from labour export",
          parameters: ['year', 'draws', 'seed', 'exclude', 'override'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
          responses: { '200': ok('{"year","draws","revenue_usd":{"p5","p50","p95","mean"},"workers":{"p5","p50","p95"},"inputs"}'), ...(errors as object) },
        },
      },
      '/api/changes': { get: { summary: 'Designations added, changed and removed between list versions', parameters: [{ name: 'since', in: 'query', schema: { type: 'string', format: 'date' } }], responses: { '200': ok('{"changes":[…]}') } } },
    },
  };
}
