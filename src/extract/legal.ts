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
  NKSPEA: 'NKSPEA', CAATSA: 'CAATSA', TVPA: 'TVPA', NKSA: 'NKSPEA', IEEPA: 'IEEPA', NKHRA: 'NKHRA',
};

const SECTION = String.raw`(?:[Ss]ection|[Ss]ec\.|§)\s?(\d+[a-z]?(?:\([a-z0-9]+\))*)`;
const ACT_BODY = String.raw`[\p{Lu}][\p{L}’'\-]*(?:[ \u00a0]+(?:[\p{Lu}][\p{L}’'\-]*|of|and|for|the|on|to|in|de))*[ \u00a0]+(?:Act|Regulations)(?![\p{L}])`;
const NAMED_ACT = String.raw`(${ACT_BODY})(?:\s+of\s+(\d{4}))?`;

interface Rule {
  re: RegExp;
  caption: (m: RegExpExecArray) => string | null;
}

const NAMED_ACT_SOURCE = new RegExp(NAMED_ACT, 'gu').source;

const RULES: Rule[] = [
  // Section N of an act, named or abbreviated: "section 104(a) of the North Korea Sanctions and Policy Enhancement Act", "section 304 of the NKSPEA", "CAATSA §321(b)", "NKSPEA §104(a)"
  {
    re: new RegExp(`${SECTION}\\s+of\\s+(?:the\\s+)?(NKSPEA|CAATSA|TVPA|${ACT_BODY})`, 'gu'),
    caption: (m) => `${actCaption(m[2] ?? '')} §${m[1]}`,
  },
  { re: new RegExp(`\\b(NKSPEA|CAATSA|TVPA)\\s?${SECTION}`, 'gu'), caption: (m) => `${m[1]} §${m[2]}` },
  // Executive orders
  {
    re: /\b(?:Executive\s+Orders?|E\.\s?O\.|EO)\s*(?:No\.\s*)?(1[0-9]{4})\b/g,
    caption: (m) => `EO ${m[1]}`,
  },
  // UN Security Council resolutions
  {
    re: /\b(?:UNSCR|UNSC\s+[Rr]esolution|(?:U\.?N\.?\s+)?Security\s+Council\s+[Rr]esolution|[Rr]esolution)\s*(?:No\.\s*)?(\d{3,4})(?:\s*\((\d{4})\))?/g,
    caption: (m) => `UNSCR ${m[1]}`,
  },
  // UN document symbols: A/HRC/34/L.14, S/RES/2397 (2017)
  { re: /\b(?:A\/HRC\/\d+\/(?:L\.)?\d+|S\/RES\/\d+(?:\s*\(\d{4}\))?|A\/RES\/\d+\/\d+)/g, caption: (m) => m[0] },
  // Conventions and charters
  {
    re: /(?:\b(?:U\.N\.|UN|United Nations) )?(?:\b[\p{Lu}][\p{L}’'\-]* ){0,3}Convention(?: (?:on|against|relating to) (?:the )?(?:[\p{Lu}][\p{L}’'\-]*|of|the|and|in)(?: (?:[\p{Lu}][\p{L}’'\-]*|of|the|and|in))*)?/gu,
    caption: (m) => m[0].replace(/\s+(?:of|the|and|in)$/, ''),
  },
  { re: /\b(?:Charter of the United Nations|U\.?N\.? Charter)\b/g, caption: () => 'Charter of the United Nations' },
  // Named acts: "Trafficking Victims Protection Act", "North Korea Refugee Adoption Act", "KIMS Act"
  { re: new RegExp(NAMED_ACT, 'gu'), caption: (m) => actCaption(m[1] ?? '') },
  // Acronyms standing alone
  { re: /\b(NKSPEA|CAATSA|TVPA|NKSA|NKHRA)\b/g, caption: (m) => ACRONYMS[m[1] ?? ''] ?? m[1] ?? null },
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
export function findLegalMentions(text: string): LegalMention[] {
  const found: LegalMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      let start = m.index;
      let surface = m[0];
      let joined: RegExpExecArray | null = null;
      const lead = LEADING_NOISE.exec(surface);
      if (lead) {
        surface = surface.slice(lead[0].length);
        start += lead[0].length;
      }
      surface = surface.replace(/[\s,.;:]+$/, '');
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
  // Longest first, then earliest; drop anything overlapping a kept mention.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: LegalMention[] = [];
  for (const f of found) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}
