/**
 * Legal instrument mentions: executive orders, UN Security Council and other
 * UN resolutions, sections of NKSPEA and CAATSA, TVPA, named acts and
 * conventions. Each gets a canonical caption ("EO 13722", "UNSCR 2270",
 * "NKSPEA §104(a)") so a reviewer sees at once which instrument it is.
 */
import type { Mention } from './types.ts';

export interface LegalMention extends Mention {
  type: 'legal_instrument';
  caption: string;
}

const ACRONYMS: Readonly<Record<string, string>> = {
  NKSPEA: 'NKSPEA', CAATSA: 'CAATSA', TVPA: 'TVPA', NKSA: 'NKSPEA', IEEPA: 'IEEPA', NKHRA: 'NKHRA', NDAA: 'NDAA', UFLPA: 'UFLPA', TVPRA: 'TVPRA',
};

const SECTION = String.raw`(?:[Ss]ection|[Ss]ec\.|§)\s?(\d+[a-z]?(?:\([a-z0-9]+\))*)`;
// At most 14 words: an act's name is never longer, and a bound keeps a long run of capitals linear.
const ACT_BODY = String.raw`(?!Act\b)[\p{Lu}][\p{L}’'\-]*(?:[ \u00a0]+(?:(?!Act\b)[\p{Lu}][\p{L}’'\-]*|\([\p{Lu}]{2,8}\)|of|and|for|the|on|to|in|de|through|against)){0,14}[ \u00a0]+(?:Act|Regulations)(?![\p{L}])`;
const NAMED_ACT = String.raw`(${ACT_BODY})(?:\s+of\s+(\d{4}))?`;

interface Rule {
  re: RegExp;
  caption: (m: RegExpExecArray) => string | null;
  /** A word every match of the rule holds: a text without it skips the rule. */
  trigger?: RegExp;
  /**
   * Words one of which every match holds, with at most five words (letters, digits, ’ ' - . and white space)
   * between the match's start and it: the rule is tried only at those starts (see `keywordStarts`).
   */
  keywords?: readonly string[];
}

/** Words a match may hold before its keyword (a prefix like "United Nations" and three capitalised words), with one to spare. */
const KEYWORD_REACH = 6;
const WORD_CHAR = /^[\p{L}\p{N}’'\-.]$/u;
const SPACE = /^\s$/u;

/**
 * Every position where a match of a keyword rule may start, as sorted, disjoint [from, to] ranges: from each keyword
 * back over at most KEYWORD_REACH words of the characters a match can hold before it. Trying the rule (sticky) at
 * each of these positions in order finds what one scan of the whole text finds, since no match starts elsewhere.
 */
function keywordStarts(text: string, keywords: readonly string[]): [number, number][] {
  const at: number[] = [];
  for (const k of keywords) for (let i = text.indexOf(k); i >= 0; i = text.indexOf(k, i + 1)) at.push(i);
  at.sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const k of at) {
    let from = k;
    let words = 0;
    let inWord = false;
    while (from > 0) {
      const ch = text[from - 1]!;
      if (SPACE.test(ch)) inWord = false;
      else if (WORD_CHAR.test(ch) || /[\ud800-\udfff]/.test(ch)) {
        if (!inWord && ++words > KEYWORD_REACH) break;
        inWord = true;
      } else break;
      from--;
    }
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], k);
    else out.push([from, k]);
  }
  return out;
}

/** Where to look for a named act: windows ending at each "Act" / "Regulations", not the whole text (most capitalised runs are no act). */
function actWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\b(?:Act|Regulations)\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let from = Math.max(0, m.index - 300);
    while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
    const to = Math.min(text.length, m.index + m[0].length + 12);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else out.push([from, to]);
  }
  return out;
}

const NAMED_ACT_SOURCE = new RegExp(NAMED_ACT, 'gu').source;

const RULES: Rule[] = [
  // Section N of an act, named or abbreviated: "section 104(a) of the North Korea Sanctions and Policy Enhancement Act", "section 304 of the NKSPEA", "CAATSA §321(b)", "NKSPEA §104(a)"
  {
    re: new RegExp(`${SECTION}\\s+of\\s+(?:the\\s+)?(NKSPEA|CAATSA|TVPA|${ACT_BODY})`, 'gu'),
    caption: (m) => `${actCaption(m[2] ?? '')} §${m[1]}`,
    trigger: /[Ss]ection|[Ss]ec\.|§/,
  },
  { re: new RegExp(`\\b(NKSPEA|CAATSA|TVPA)\\s?(?:Title\\s+[IVX]+\\s+)?${SECTION}`, 'gu'), caption: (m) => `${m[1]} §${m[2]}`, trigger: /NKSPEA|CAATSA|TVPA/ },
  // Executive orders: "Executive Order 13722", "E.O. 13722", "EO 13722", "Executive Order (E.O.) 13722"
  {
    re: /\b(?:Executive\s+Orders?(?:\s*\((?:E\.\s?O\.s?|EOs?)\))?|E\.\s?O\.s?|EOs?)\s*(?:No\.\s*)?(1[0-9]{4})\b/g,
    caption: (m) => `EO ${m[1]}`,
    trigger: /Executive|E\.\s?O\.|EO/,
  },
  // UN Security Council resolutions: "UNSCR 2397", "resolution 2397 (2017)", "UN Security Council Resolutions (UNSCR) 2375"
  {
    re: /\b(?:UNSCRs?|UNSC\s+[Rr]esolutions?|(?:(?:U\.?N\.?|United\s+Nations)\s+)?Security\s+Council\s+[Rr]esolutions?|[Rr]esolutions?)\s*(?:\(UNSCRs?\)\s*)?(?:No\.\s*)?(\d{3,4})(?:\s*\((\d{4})\))?/g,
    caption: (m) => `UNSCR ${m[1]}`,
    trigger: /[Rr]esolution|UNSC/,
  },
  // United States Code: "22 U.S.C. § 9241a", "22 U.S.C. 9241a", "19 U.S.C. § 1307", "22 U.S.C. § 9241 et seq.", "19 USC 1307"
  {
    re: /\b(\d{1,2})\s?(?:U\.\s?S\.\s?C\.?|USC)\s?(?:§§?\s?)?(\d+[a-z]?(?:\([a-z0-9]+\))*)(?:\s+et\s+seq\.?)?/g,
    caption: (m) => `${m[1]} U.S.C. §${m[2]}`,
    trigger: /U\.\s?S\.\s?C|\d\s?USC\b/,
  },
  // EU acts by number: "Council Regulation (EU) 2017/1858", "Council Implementing Regulation (EU) 2017/1859",
  // "Council Decision (CFSP) 2016/849", "Regulation (EU) No 267/2012", "Regulation 2017/1509", "Decision 2013/183/CFSP", "Directive 2011/36/EU"
  {
    re: /\b(?:(?:Council|Commission)\s+(?:Implementing\s+|Delegated\s+)?)?(Regulation|Decision|Directive)\s*(?:\((EU|EC|EEC|CFSP|Euratom)\)\s*(?:No\.?\s*)?(\d{1,4}\/\d{2,4})|(?:No\.?\s*)?((?:19|20)\d{2}\/\d{1,4})(?:\/(?:CFSP|EU|EC))?)(?![\/\d])/g,
    caption: (m) => m[0].replace(/\s+/g, ' ').replace(/\s*\(/, ' (').replace(/\)\s*(?:No\.?\s*)?/, ') ').replace(/\s+No\.?\s*/, ' '),
    trigger: /Regulation|Decision|Directive/,
  },
  // Public laws: "Public Law 115-44", "Pub. L. 115-44", "P.L. 115-44"
  { re: /\b(?:Public\s+Law|Pub\.\s?L\.|P\.\s?L\.)\s?(?:No\.\s?)?(\d{2,3}[-–]\d{1,3})\b/g, caption: (m) => `Pub. L. ${m[1]}`, trigger: /Law|Pub\.|P\.\s?L\./ },
  // Treaties, charters, covenants, protocols: "Treaty on European Union", "EU Charter of Fundamental Rights", "the 2000 UN TIP Protocol"
  {
    re: /(?:\b(?:EU|European|U\.N\.|UN|United Nations|\d{4})\s+)?(?:\b[\p{Lu}][\p{L}’'\-]*\s+){0,3}(?:Treaty|Charter|Covenant|Protocol)\s+(?:on|of|for|against|relating to)\s+(?:the\s+)?[\p{Lu}][\p{L}’'\-]*(?:\s+(?:(?!(?:Articles?|Sections?|Paragraphs?|Chapter|Annex|Title|Treaty|Convention|Charter|Covenant|Protocol)\b)[\p{Lu}][\p{L}’'\-]*|of|the|and|in)){0,12}|\b(?:\d{4}\s+)?(?:U\.N\.\s+|UN\s+)?(?:[\p{Lu}][\p{L}’'\-]*\s+){1,3}(?:Protocol|Covenant)\b/gu,
    caption: (m) => m[0].replace(/(?:\s+(?:of|the|and|in))+$/, ''),
    trigger: /Treaty|Charter|Covenant|Protocol/,
    keywords: ['Treaty', 'Charter', 'Covenant', 'Protocol'],
  },
  // UN document symbols: A/HRC/34/L.14, S/RES/2397 (2017)
  { re: /\b(?:A\/HRC\/\d+\/(?:L\.)?\d+|S\/RES\/(\d+)(?:\s*\(\d{4}\))?|A\/RES\/\d+\/\d+)/g, caption: (m) => (m[1] ? `UNSCR ${m[1]}` : m[0]), trigger: /[AS]\/(?:HRC|RES)/ },
  // Conventions and charters
  {
    re: /(?:\b(?:U\.N\.|UN|United Nations) )?(?:\b[\p{Lu}][\p{L}’'\-]* ){0,3}Convention(?: (?:on|against|relating to) (?:the )?(?:[\p{Lu}][\p{L}’'\-]*|of|the|and|in)(?: (?:(?!(?:Articles?|Sections?|Paragraphs?|Chapter|Annex|Title|Treaty|Convention|Charter|Covenant|Protocol)\b)[\p{Lu}][\p{L}’'\-]*|of|the|and|in)){0,12})?/gu,
    caption: (m) => m[0].replace(/(?:\s+(?:of|the|and|in))+$/, ''),
    trigger: /Convention/,
    keywords: ['Convention'],
  },
  { re: /\b(?:Charter of the United Nations|U\.?N\.? Charter)\b/g, caption: () => 'Charter of the United Nations', trigger: /Charter/ },
  // Named acts: "Trafficking Victims Protection Act", "North Korea Refugee Adoption Act", "KIMS Act"
  { re: new RegExp(NAMED_ACT, 'gu'), caption: (m) => actCaption(m[1] ?? '') },
  // Acronyms standing alone
  { re: /\b(NKSPEA|CAATSA|TVPA|NKSA|NKHRA|NDAA|UFLPA|TVPRA)\b/g, caption: (m) => ACRONYMS[m[1] ?? ''] ?? m[1] ?? null },
];

/** Capitalised words that open a sentence or clause, not a name: "Under section 201 …", "The Act …". */
const LEADING_NOISE = /^(?:(?:The|A|An|Under|In|By|Of|And|For|On|To|If|As|When|While|Since|Both|This|That|These|Its|Their|His|Her|Our|Once|Other|Then|Yet|But|With|After|Before|From|Despite|Through|Also|Now|Congress|Treasury|President|House|Senate|Obama|Trump|Bush|Clinton|Passed|Pursuant|Per|Implementing|Implements|Unlike|Like|Recently|Today|Last|Next|Hat|Tip|\d{4})\s+)+/u;

function actCaption(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (/^(?:the\s+)?North Korea Sanctions and Policy Enhancement Act$/i.test(name.replace(/^\S+-\S+\s+/, ''))) return 'NKSPEA';
  if (/Trafficking Victims Protection Act/i.test(name)) return 'TVPA';
  if (/Countering America[’']s Adversaries Through Sanctions Act/i.test(name)) return 'CAATSA';
  return ACRONYMS[name] ?? name;
}

/** Finds legal instrument mentions, longest first, without overlaps. */
function* matchesOf(rule: Rule, text: string): Generator<RegExpExecArray & { offset: number }> {
  if (rule.trigger && !rule.trigger.test(text)) return;
  if (rule.keywords) {
    const sticky = stickyOf(rule.re);
    let next = 0;
    for (const [from, to] of keywordStarts(text, rule.keywords)) {
      for (let p = Math.max(from, next); p <= to; p++) {
        sticky.lastIndex = p;
        const m = sticky.exec(text);
        if (!m) continue;
        next = p + m[0].length;
        p = next - 1;
        yield Object.assign(m, { offset: 0 });
      }
    }
    return;
  }
  const windows: [number, number][] = rule.re.source === NAMED_ACT_SOURCE ? actWindows(text) : [[0, text.length]];
  const seen = new Set<string>();
  for (const [from, to] of windows) {
    const part = from === 0 && to === text.length ? text : text.slice(from, to);
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(part); m; m = rule.re.exec(part)) {
      const key = `${from + m.index}:${m[0].length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield Object.assign(m, { offset: from });
    }
  }
}

const stickies = new Map<RegExp, RegExp>();
/** The same pattern, anchored where it is tried. */
function stickyOf(re: RegExp): RegExp {
  let s = stickies.get(re);
  if (!s) stickies.set(re, (s = new RegExp(re.source, re.flags.replace('g', '') + 'y')));
  return s;
}

export function findLegalMentions(text: string): LegalMention[] {
  const found: LegalMention[] = [];
  for (const rule of RULES) {
    for (const m of matchesOf(rule, text)) {
      let start = m.offset + m.index;
      let surface = m[0];
      let joined: RegExpExecArray | null = null;
      const lead = LEADING_NOISE.exec(surface);
      if (lead) {
        surface = surface.slice(lead[0].length);
        start += lead[0].length;
      }
      // A name never ends on a joining word: "the European Convention on Human Rights and" before "Article 5 of …".
      surface = surface.replace(/[\s,.;:]+$/, '').replace(/(?:\s+(?:of|the|and|in))+$/u, '');
      // "the NKSPEA and the Trafficking Victims Protection Act": two instruments, not one name.
      joined = /^.*[ \u00a0]and[ \u00a0]+the[ \u00a0]+/u.exec(surface);
      if (joined && /(?:Act|Regulations)(?:[ \u00a0]+of[ \u00a0]+\d{4})?$/u.test(surface)) {
        start += joined[0].length;
        surface = surface.slice(joined[0].length);
      }
      if (!surface) continue;
      // A bare "Act", "Convention" or "Regulations" with nothing naming it is not a mention.
      if (/^(?:Act|Convention|Regulations|the Act|the Convention)$/i.test(surface)) continue;
      if (/^(?:the\s+)?(?:Disability|Refugee)?\s*Convention$/i.test(surface) && !/Disability|Refugee/.test(surface)) continue;
      let caption = rule.caption(m);
      if (caption === null) continue;
      if ((lead || joined) && rule.re.source === NAMED_ACT_SOURCE) caption = actCaption(surface);
      found.push({ type: 'legal_instrument', text: surface, start, end: start + surface.length, entity_id: null, country: null, caption });
    }
  }
  const kept = longestFirst(found);
  const more = [...listedResolutions(text, kept), ...definedAcronyms(text, kept)];
  return longestFirst([...kept.map((k) => withPart(text, k)), ...more]);
}

/** Longest first, then earliest; drops anything overlapping a kept mention. Sorted by start. */
function longestFirst(found: LegalMention[]): LegalMention[] {
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: LegalMention[] = [];
  const taken = new Set<number>();
  for (const f of found) {
    let free = true;
    for (let i = f.start; i < f.end && free; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = f.start; i < f.end; i++) taken.add(i);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const mention = (text: string, start: number, end: number, caption: string): LegalMention =>
  ({ type: 'legal_instrument', text: text.slice(start, end), start, end, entity_id: null, country: null, caption });

/**
 * "Resolutions 2375 and 2397", "UNSCRs 2270, 2321 and 2371", "Executive Orders 13810 and 13382", "UNSCRs 2371 (August 2017) and 2375": each further
 * number of a plural is its own mention.
 */
function listedResolutions(text: string, kept: readonly LegalMention[]): LegalMention[] {
  const out: LegalMention[] = [];
  for (const k of kept) {
    const resolutions = k.caption.startsWith('UNSCR ') && /(?:[Rr]esolutions|UNSCRs)\b/.test(k.text);
    const orders = k.caption.startsWith('EO ') && /\b(?:Executive\s+Orders|E\.\s?O\.s|EOs)\b/.test(k.text);
    if (!resolutions && !orders) continue;
    // Each may carry its date: "UNSCRs 2371 (August 2017) and 2375 (September 2017)".
    const number = orders ? String.raw`(1\d{4})()` : String.raw`(\d{3,4})(\s*\((?:\p{Lu}\p{Ll}+\s+)?\d{4}\))?`;
    const next = new RegExp(String.raw`^(?:\s*\((?:\p{Lu}\p{Ll}+\s+)?\d{4}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)${number}(?![\d\p{L}])`, 'u');
    let pos = k.end;
    for (;;) {
      const m = next.exec(text.slice(pos, pos + 40));
      if (!m) break;
      const start = pos + m[0].length - (m[1] ?? '').length - (m[2] ?? '').length;
      pos += m[0].length;
      out.push(mention(text, start, pos, `${orders ? 'EO' : 'UNSCR'} ${m[1]}`));
    }
  }
  return out;
}

/** "Article 8 of the UN Security Council Resolution 2397", "paragraph 8 of resolution 2397": the part belongs to the instrument. */
const PART_BEFORE = /\b((?:[Aa]rticles?|Art\.|[Pp]aragraphs?|[Pp]ara\.)\s+\d+[a-z]?(?:\(\w{1,3}\))*)\s+of\s+(?:the\s+)?$/;
function withPart(text: string, k: LegalMention): LegalMention {
  const before = text.slice(Math.max(0, k.start - 40), k.start);
  const m = PART_BEFORE.exec(before);
  if (!m) return k;
  const start = k.start - before.length + m.index;
  return mention(text, start, k.end, `${k.caption} ${(m[1] ?? '').replace(/^([Aa]rticles?|Art\.)\s+/, 'art. ').replace(/^([Pp]aragraphs?|[Pp]ara\.)\s+/, 'para. ')}`);
}

/** An acronym the text defines for an instrument ("Uyghur Forced Labor Prevention Act (“UFLPA”)") names it wherever it stands. */
function definedAcronyms(text: string, kept: readonly LegalMention[]): LegalMention[] {
  const defined = new Map<string, string>();
  for (const k of kept) {
    const m = /^[ ,]*\(\s*[“"‘']?([A-Z][A-Z0-9&\-]{1,9})[”"’']?\s*\)/.exec(text.slice(k.end, k.end + 24));
    if (m && m[1] && !(m[1] in ACRONYMS) && !defined.has(m[1])) defined.set(m[1], k.caption);
  }
  if (!defined.size) return [];
  const out: LegalMention[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...defined.keys()].join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(mention(text, m.index, m.index + m[0].length, defined.get(m[0]) ?? m[0]));
  return out;
}
