/**
 * The main text of an HTML page, through htmlparser2: the <article> or
 * <main> when the page has one, else the body; without scripts, styles,
 * navigation, headers, footers, asides, forms and comment threads. Blocks
 * (paragraphs, headings, list items, table rows) become lines separated by a
 * blank line, so sentences do not run into each other. Title, date, author
 * and address come from the page's meta data where it states them.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

const DROP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'input', 'menu', 'head', 'figure-caption-skip']);
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'table', 'blockquote', 'pre', 'figure', 'figcaption', 'address', 'hr', 'br']);
/** Class or id words of page furniture and comment threads. */
const FURNITURE = /(?:^|[\s_-])(?:comments?|comment-list|respond|reply|sidebar|widget|nav|navbar|navigation|menu|breadcrumbs?|footer|header|masthead|share|sharing|social|related|advert|ads?|promo|cookie|banner|subscribe|newsletter|skip-link|screen-reader-text)(?:$|[\s_-])/i;

function isElement(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function isFurniture(el: Element): boolean {
  if (DROP_TAGS.has(el.name)) return true;
  const attrs = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''} ${el.attribs['role'] ?? ''}`;
  if (/\b(?:navigation|banner|contentinfo|complementary)\b/.test(el.attribs['role'] ?? '')) return true;
  if (el.attribs['aria-hidden'] === 'true' || 'hidden' in el.attribs) return true;
  return FURNITURE.test(attrs.trim());
}

function textOf(nodes: readonly ChildNode[], out: string[]): void {
  for (const n of nodes) {
    if (n.type === 'text') out.push((n as unknown as { data: string }).data);
    else if (n.type === 'comment' || n.type === 'directive' || n.type === 'cdata') continue;
    else if (isElement(n)) {
      if (isFurniture(n)) continue;
      const block = BLOCK_TAGS.has(n.name);
      if (block) out.push('\n\n');
      if (n.name === 'pre') out.push(DomUtils.textContent(n).replace(/\n/g, '\u2028'));
      else textOf(n.children, out);
      if (block) out.push('\n\n');
    }
  }
}

function meta(doc: ReturnType<typeof parseDocument>, ...keys: string[]): string | null {
  const metas = DomUtils.getElementsByTagName('meta', doc, true);
  for (const k of keys) {
    const m = metas.find((el) => (el.attribs['property'] ?? el.attribs['name'] ?? el.attribs['itemprop'] ?? '').toLowerCase() === k);
    const v = m?.attribs['content']?.trim();
    if (v) return v;
  }
  return null;
}

function isoDate(raw: string | null): string | null {
  if (!raw) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(raw.trim());
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

export interface HtmlText {
  text: string;
  title: string | null;
  published: string | null;
  url: string | null;
  author: string | null;
  pageStarts: null;
}

export function htmlToText(html: string): HtmlText {
  const doc = parseDocument(html, { decodeEntities: true });
  const candidates = [...DomUtils.getElementsByTagName('article', doc, true), ...DomUtils.getElementsByTagName('main', doc, true)]
    .filter((el) => !isFurniture(el));
  let root: ChildNode[];
  if (candidates.length) {
    // The largest article or main holds the text; several articles (a blog page) are kept in order.
    const articles = DomUtils.getElementsByTagName('article', doc, true).filter((el) => !isFurniture(el) && !DomUtils.getElementsByTagName('article', el.children, true).length);
    root = articles.length > 1 ? articles : [candidates.sort((a, b) => DomUtils.textContent(b).length - DomUtils.textContent(a).length)[0]!];
  } else {
    const body = DomUtils.getElementsByTagName('body', doc, true)[0];
    root = body ? body.children : doc.children;
  }
  const parts: string[] = [];
  textOf(root, parts);
  const text = parts
    .join('')
    .split(/\n{2,}/)
    .map((block) => block.replace(/[ \t\r\n\f\v]+/g, ' ').replace(/\u2028/g, '\n').trim())
    .filter((b) => b !== '')
    .join('\n\n');
  const titleEl = DomUtils.getElementsByTagName('title', doc, true)[0];
  const h1 = DomUtils.getElementsByTagName('h1', doc, true)[0];
  const title = meta(doc, 'og:title', 'twitter:title', 'dc.title') ?? (titleEl ? DomUtils.textContent(titleEl).replace(/\s+/g, ' ').trim() : null) ?? (h1 ? DomUtils.textContent(h1).trim() : null);
  const timeEl = DomUtils.getElementsByTagName('time', doc, true).find((t) => t.attribs['datetime']);
  const published = isoDate(meta(doc, 'article:published_time', 'date', 'dc.date', 'dcterms.date', 'datepublished', 'pubdate') ?? timeEl?.attribs['datetime'] ?? null);
  const canonical = DomUtils.getElementsByTagName('link', doc, true).find((l) => (l.attribs['rel'] ?? '').toLowerCase() === 'canonical');
  const url = meta(doc, 'og:url') ?? canonical?.attribs['href'] ?? null;
  const author = meta(doc, 'author', 'article:author', 'dc.creator');
  return { text, title: title || null, published, url, author, pageStarts: null };
}
