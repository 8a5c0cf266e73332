/**
 * Streams the records of a large XML list (a UN INDIVIDUAL, an OFAC
 * sdnEntry) as small element trees, over saxes. saxes gives events, not
 * records, and fast-xml-parser needs the whole document in memory, so this
 * small record splitter is written here. Memory stays bounded by one record
 * plus one read chunk. saxes expands no DTD entities, so entity bombs and
 * external entities are rejected, not resolved.
 */
import { SaxesParser } from 'saxes';
import { countBytes, listParseError, type ListInput, type ParseOptions } from './input.ts';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
  line: number;
  column: number;
}

export interface XmlRecordOptions extends ParseOptions {
  /** Required local name of the document element. */
  root: string;
  /** Is the element at this path (local names, root first) a record? */
  isRecord: (path: readonly string[]) => boolean;
  /** Largest record, in characters of text, before the file is refused. */
  maxRecordChars?: number;
}

export interface XmlRecord {
  node: XNode;
  /** Attributes of the document element. */
  rootAttrs: Record<string, string>;
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** Text of the first child with this name (trimmed), or null. */
export function childText(node: XNode, name: string): string | null {
  const c = node.children.find((n) => n.name === name);
  const t = c?.text.trim();
  return t ? t : null;
}

export function childrenNamed(node: XNode, name: string): XNode[] {
  return node.children.filter((n) => n.name === name);
}

/** Texts of `<NAME><VALUE>…</VALUE></NAME>` (UN style) or of repeated children. */
export function valuesOf(node: XNode, name: string, inner = 'VALUE'): string[] {
  const out: string[] = [];
  for (const c of childrenNamed(node, name)) {
    for (const v of childrenNamed(c, inner)) {
      const t = v.text.trim();
      if (t) out.push(t);
    }
  }
  return out;
}

export async function* xmlRecords(input: ListInput, opts: XmlRecordOptions): AsyncGenerator<XmlRecord> {
  const max = opts.maxRecordChars ?? 10_000_000;
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  const stack: XNode[] = [];
  let recordDepth = -1;
  let recordChars = 0;
  let rootAttrs: Record<string, string> = {};
  let sawRoot = false;
  let ended = false;
  const ready: XmlRecord[] = [];
  let failure: Error | null = null;

  const fail = (cause: string) => {
    failure ??= listParseError(opts.file, { line: parser.line, column: parser.column + 1, byte: parser.position }, cause);
  };

  parser.on('error', (e) => {
    const why = e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
    const unclosed = why.match(/^unclosed tag: (\S+)/);
    fail(unclosed ? `the file ends before <${unclosed[1]}> is closed (truncated?)` : `malformed XML: ${why}`);
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    const name = localName(tag.name);
    if (!sawRoot) {
      sawRoot = true;
      if (name !== opts.root) { fail(`the document element is <${tag.name}>, expected <${opts.root}> (wrong list type?)`); return; }
      rootAttrs = Object.fromEntries(Object.entries(tag.attributes as Record<string, string>).map(([k, v]) => [localName(k), v]));
    }
    path.push(name);
    if (recordDepth < 0 && opts.isRecord(path)) { recordDepth = path.length; recordChars = 0; }
    if (recordDepth > 0) {
      const attrs = Object.fromEntries(Object.entries(tag.attributes as Record<string, string>).map(([k, v]) => [localName(k), v]));
      const node: XNode = { name, attrs, children: [], text: '', line: parser.line, column: parser.column };
      stack[stack.length - 1]?.children.push(node);
      stack.push(node);
    }
  });
  parser.on('text', (text) => {
    if (failure || recordDepth < 0) return;
    const top = stack[stack.length - 1];
    if (!top) return;
    recordChars += text.length;
    if (recordChars > max) { fail(`a record is larger than ${max} characters`); return; }
    top.text += text;
  });
  parser.on('cdata', (text) => {
    const top = stack[stack.length - 1];
    if (top && recordDepth > 0) top.text += text;
  });
  parser.on('closetag', () => {
    if (failure) return;
    if (recordDepth > 0) {
      const node = stack.pop();
      if (path.length === recordDepth && node) {
        ready.push({ node, rootAttrs });
        recordDepth = -1;
      }
    }
    path.pop();
    if (path.length === 0) ended = true;
  });

  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of countBytes(input, opts.onBytes)) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (text) parser.write(text);
      if (failure) throw failure;
      while (ready.length) yield ready.shift()!;
    }
    const rest = decoder.decode();
    if (rest) parser.write(rest);
    if (failure) throw failure;
    parser.close();
  } catch (e) {
    if (failure) throw failure;
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && /^E[A-Z]/.test(e.code)) {
      throw listParseError(opts.file, {}, `cannot read the file (${e.message})`, e);
    }
    throw e;
  }
  if (failure) throw failure;
  if (!sawRoot) throw listParseError(opts.file, { line: parser.line, column: parser.column + 1 }, `no XML document element found (empty file, or not an XML list)`);
  if (!ended) throw listParseError(opts.file, { line: parser.line, column: parser.column + 1 }, `the file ends before </${opts.root}> (truncated?)`);
  while (ready.length) yield ready.shift()!;
}
