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
  /** Required local name(s) of the document element; null accepts any (a format whose root the publisher has varied). */
  root: string | readonly string[] | null;
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

/** Every descendant element with this name, in document order. */
export function descendants(node: XNode, name: string, out: XNode[] = []): XNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** Trimmed texts of every descendant with this name. */
export function descendantTexts(node: XNode, name: string): string[] {
  return descendants(node, name).map((n) => n.text.trim()).filter(Boolean);
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

const attrsOf = (tag: { attributes: unknown }) =>
  Object.fromEntries(Object.entries(tag.attributes as Record<string, string>).map(([k, v]) => [localName(k), v]));

/** The SAX side: builds each record element's tree as the parser passes it, and remembers the first failure. */
class RecordAssembler {
  readonly parser = new SaxesParser({ position: true });
  readonly ready: XmlRecord[] = [];
  failure: Error | null = null;
  sawRoot = false;
  ended = false;
  private readonly path: string[] = [];
  private readonly stack: XNode[] = [];
  private recordDepth = -1;
  private recordChars = 0;
  private rootAttrs: Record<string, string> = {};
  rootName = '';

  constructor(private readonly opts: XmlRecordOptions, private readonly maxChars: number) {
    const p = this.parser;
    p.on('error', (e) => {
      const why = e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
      const unclosed = why.match(/^unclosed tag: (\S+)/);
      this.fail(unclosed ? `the file ends before <${unclosed[1]}> is closed (truncated?)` : `malformed XML: ${why}`);
    });
    p.on('opentag', (tag) => this.open(tag));
    p.on('text', (text) => this.text(text));
    p.on('cdata', (text) => { const top = this.stack.at(-1); if (top && this.recordDepth > 0) top.text += text; });
    p.on('closetag', () => this.close());
  }

  fail(cause: string): void {
    const p = this.parser;
    this.failure ??= listParseError(this.opts.file, { line: p.line, column: p.column + 1, byte: p.position }, cause);
  }

  private open(tag: { name: string; attributes: unknown }): void {
    if (this.failure) return;
    const name = localName(tag.name);
    if (!this.sawRoot) {
      this.sawRoot = true;
      const roots = this.opts.root === null ? null : typeof this.opts.root === 'string' ? [this.opts.root] : this.opts.root;
      if (roots && !roots.includes(name)) { this.fail(`the document element is <${tag.name}>, expected <${roots.join('> or <')}> (wrong list type?)`); return; }
      this.rootName = name;
      this.rootAttrs = attrsOf(tag);
    }
    this.path.push(name);
    if (this.recordDepth < 0 && this.opts.isRecord(this.path)) { this.recordDepth = this.path.length; this.recordChars = 0; }
    if (this.recordDepth > 0) {
      const node: XNode = { name, attrs: attrsOf(tag), children: [], text: '', line: this.parser.line, column: this.parser.column };
      this.stack.at(-1)?.children.push(node);
      this.stack.push(node);
    }
  }

  private text(text: string): void {
    if (this.failure || this.recordDepth < 0) return;
    const top = this.stack.at(-1);
    if (!top) return;
    this.recordChars += text.length;
    if (this.recordChars > this.maxChars) { this.fail(`a record is larger than ${this.maxChars} characters`); return; }
    top.text += text;
  }

  private close(): void {
    if (this.failure) return;
    if (this.recordDepth > 0) {
      const node = this.stack.pop();
      if (this.path.length === this.recordDepth && node) {
        this.ready.push({ node, rootAttrs: this.rootAttrs });
        this.recordDepth = -1;
      }
    }
    this.path.pop();
    if (this.path.length === 0) this.ended = true;
  }
}

export async function* xmlRecords(input: ListInput, opts: XmlRecordOptions): AsyncGenerator<XmlRecord> {
  const a = new RecordAssembler(opts, opts.maxRecordChars ?? 10_000_000);
  const { parser, ready } = a;
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of countBytes(input, opts.onBytes)) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (text) parser.write(text);
      if (a.failure) throw a.failure;
      while (ready.length) yield ready.shift()!;
    }
    const rest = decoder.decode();
    if (rest) parser.write(rest);
    if (a.failure) throw a.failure;
    parser.close();
  } catch (e) {
    if (a.failure) throw a.failure;
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && /^E[A-Z]/.test(e.code)) {
      throw listParseError(opts.file, {}, `cannot read the file (${e.message})`, e);
    }
    throw e;
  }
  if (a.failure) throw a.failure;
  if (!a.sawRoot) throw listParseError(opts.file, { line: parser.line, column: parser.column + 1 }, `no XML document element found (empty file, or not an XML list)`);
  if (!a.ended) throw listParseError(opts.file, { line: parser.line, column: parser.column + 1 }, `the file ends before </${a.rootName}> (truncated?)`);
  while (ready.length) yield ready.shift()!;
}
