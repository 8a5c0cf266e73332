/**
 * FollowTheMoney JSON lines, as OpenSanctions publishes them (and as room39
 * exports them): one entity per line, `{id, schema, properties, datasets,
 * first_seen, last_seen, referents, …}`; nested entities in properties are
 * taken by their id. Lines are read one at a time with a length cap, so a
 * hostile file cannot make one "line" fill the memory.
 */
import { z } from 'zod';
import { countBytes, listParseError, type ListInput, type ParseOptions } from '../lists/input.ts';
import { ftmProblems } from '../../export/validate.ts';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  first_seen: string | null;
  last_seen: string | null;
}

const valueSchema = z.union([z.string(), z.object({ id: z.string().min(1) }).passthrough()]);
const lineSchema = z.object({
  id: z.string().min(1).max(512),
  schema: z.string().min(1).max(64),
  properties: z.record(z.string(), z.array(valueSchema)).default({}),
  datasets: z.array(z.string()).default([]),
  referents: z.array(z.string()).default([]),
  first_seen: z.string().nullable().optional(),
  last_seen: z.string().nullable().optional(),
}).passthrough();

export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/** Lines of a text stream with their number and byte offset; a line longer than the cap is an error. */
async function* lines(input: ListInput, opts: ParseOptions): AsyncGenerator<{ text: string; line: number; byte: number }> {
  const decoder = new TextDecoder('utf-8');
  let buf = '';
  let line = 0;
  let byte = 0;
  for await (const chunk of countBytes(input, opts.onBytes)) {
    buf += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const text = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      line++;
      yield { text, line, byte };
      byte += Buffer.byteLength(text) + 1;
    }
    if (buf.length > MAX_LINE_BYTES) throw listParseError(opts.file, { line: line + 1, byte }, `a line is longer than ${MAX_LINE_BYTES} bytes`);
  }
  buf += decoder.decode();
  if (buf.length) yield { text: buf, line: line + 1, byte };
}

export async function* parseFtmLines(input: ListInput, opts: ParseOptions): AsyncGenerator<FtmEntity> {
  let count = 0;
  for await (const { text, line, byte } of lines(input, opts)) {
    const t = text.trim();
    if (!t) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(t);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw listParseError(opts.file, { line, byte }, `not a JSON object (${why}); truncated line?`);
    }
    const parsed = lineSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw listParseError(opts.file, { line, byte }, `not an FtM entity: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'invalid'}`);
    }
    const p = parsed.data;
    const properties: Record<string, string[]> = {};
    for (const [prop, values] of Object.entries(p.properties)) {
      const vs = values.map((v) => (typeof v === 'string' ? v : v.id)).map((v) => v.trim()).filter(Boolean);
      if (vs.length) properties[prop] = [...new Set(vs)];
    }
    const problems = ftmProblems({ id: p.id, schema: p.schema, properties });
    if (problems.length) throw listParseError(opts.file, { line, byte }, `entity ${p.id}: ${problems.slice(0, 3).join('; ')}`);
    count++;
    yield { id: p.id, schema: p.schema, properties, datasets: p.datasets, referents: p.referents, first_seen: p.first_seen ?? null, last_seen: p.last_seen ?? null };
  }
  if (count === 0) throw listParseError(opts.file, {}, 'no FtM entities found (empty file?)');
}
