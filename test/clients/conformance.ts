/**
 * The formats' own JSON Schemas, from ../shared/conformance (the W3C
 * Reconciliation API 0.2 schemas, and yente's /match response), compiled
 * with ajv: `check(kind, value)` fails the test with ajv's account of every
 * place the value breaks its schema. The 0.2 manifest refers to the Swagger
 * 2.0 schema for `authentication`; a stub of that one definition stands in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { REPO_ROOT } from '../../src/config/settings.ts';

export function conformanceDir(): string {
  const tried = [process.env.ROOM39_CONFORMANCE, path.join(REPO_ROOT, '../shared/conformance'), path.join(REPO_ROOT, '../../shared/conformance')].filter((p): p is string => !!p);
  const found = tried.find((p) => fs.existsSync(path.join(p, 'reconciliation-api/0.2/manifest.json')));
  if (!found) throw new Error(`the conformance schemas were not found; tried ${tried.join(', ')} (set ROOM39_CONFORMANCE to the folder)`);
  return found;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** A schema without its `$schema` line ("http://json-schema.org/schema#" names no draft ajv knows; they are draft-07 in practice). */
function load(file: string): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = readJson(file);
  return rest;
}

export const RECONCILIATION_02 = [
  'manifest', 'reconciliation-query-batch', 'reconciliation-result-batch', 'suggest-entities-response', 'suggest-types-response',
  'suggest-properties-response', 'data-extension-query', 'data-extension-response', 'data-extension-property-proposal',
] as const;
export type ReconciliationSchema = (typeof RECONCILIATION_02)[number];

export interface Checker<K extends string> {
  check(kind: K, value: unknown): void;
}

function checker<K extends string>(validators: Map<K, ValidateFunction>): Checker<K> {
  return {
    check(kind, value) {
      const validate = validators.get(kind);
      if (!validate) throw new Error(`no schema ${kind}`);
      if (!validate(value)) throw new Error(`${kind} does not validate: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}\n${JSON.stringify(value).slice(0, 800)}`);
    },
  };
}

/** The Reconciliation Service API 0.2 schemas. */
export function reconciliation02(): Checker<ReconciliationSchema> {
  const dir = path.join(conformanceDir(), 'reconciliation-api/0.2');
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  ajv.addSchema({ $id: 'http://swagger.io/v2/schema.json', definitions: { securityDefinitions: { additionalProperties: { type: 'object' } } } });
  ajv.addSchema(load(path.join(dir, 'type.json')));
  const validators = new Map<ReconciliationSchema, ValidateFunction>();
  for (const name of RECONCILIATION_02) validators.set(name, ajv.compile(load(path.join(dir, `${name}.json`))));
  return checker(validators);
}

export type YenteSchema = 'match-response' | 'entity' | 'error';

/** yente's /match response schema, and two of its definitions: an entity (`/entities`, `/search` results) and the error body. */
export function yente(): Checker<YenteSchema> {
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  const schema = load(path.join(conformanceDir(), 'yente/match-response.schema.json'));
  ajv.addSchema(schema);
  const id = String(schema['$id']);
  const get = (ref: string) => {
    const v = ajv.getSchema(ref);
    if (!v) throw new Error(`no schema ${ref}`);
    return v;
  };
  return checker(new Map<YenteSchema, ValidateFunction>([
    ['match-response', get(id)],
    ['entity', get(`${id}#/definitions/EntityResponse`)],
    ['error', get(`${id}#/definitions/ErrorResponse`)],
  ]));
}
