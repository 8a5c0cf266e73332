/**
 * Find the graph's names where they occur in running text ("…the Mansudae
 * Overseas Project Group of Companies sent…", "KIM Won-hong", "Kim Wonhong",
 * "김원홍"), with character offsets into the text as given. Used by document
 * extraction. Matching is on phonetic word keys, so spelling variants of
 * Korean names are found; organisation names are also found without their
 * trailing company-form words.
 */
import { foldAscii } from './normalize.ts';
import { romanizeHangulName, HANGUL_SYLLABLE } from './hangul.ts';
import { koreanKey } from './korean.ts';
import { prepareName, type NameKind } from './tokens.ts';

export interface IndexedName {
  /** Id of what the name names (an entity id). */
  id: string;
  /** The name, as the graph has it. */
  name: string;
  kind: NameKind;
}

export interface NameOccurrence {
  id: string;
  /** The indexed name that was found. */
  name: string;
  /** The text as it stands in the document. */
  text: string;
  /** Character offsets into the text: [start, end). */
  start: number;
  end: number;
  /** 1 when the words are the same as the indexed name's, lower for spelling variants. */
  score: number;
}

interface Pattern { keys: string[]; texts: string[]; id: string; name: string }

interface TextWord { start: number; end: number; text: string; key: string; capitalised: boolean }

export interface FindOptions {
  /** Only accept matches whose words all start with a capital letter (or are not Latin): names are capitalised in prose. Default true. */
  requireCapitalised?: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

function wordsOf(text: string): TextWord[] {
  const out: TextWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index ?? 0;
    if (HANGUL_SYLLABLE.test(raw)) {
      // A Hangul name is one word in the text; it stands for several romanised words.
      const roman = romanizeHangulName(raw, { breves: false });
      for (const part of foldAscii(roman).split(/[^a-z0-9]+/).filter(Boolean)) {
        out.push({ start, end: start + raw.length, text: part, key: koreanKey(part), capitalised: true });
      }
      continue;
    }
    const folded = foldAscii(raw).replace(/['’]/g, '');
    const first = raw.charAt(0);
    out.push({ start, end: start + raw.length, text: folded, key: koreanKey(folded), capitalised: first !== first.toLowerCase() || !/\p{Script=Latin}/u.test(first) });
  }
  return out;
}

/** An index over names for finding them in text. Build once, query many texts. */
export class NameIndex {
  private readonly byFirstKey = new Map<string, Pattern[]>();
  private maxWords = 1;

  constructor(names: Iterable<IndexedName> = []) {
    for (const n of names) this.add(n);
  }

  add(entry: IndexedName): void {
    const prepared = prepareName(entry.name, entry.kind);
    const words = prepared.tokens;
    if (words.length === 0) return;
    const variants: Pattern[] = [];
    const push = (texts: string[]) => {
      if (texts.length === 0) return;
      // A single short word (KCST, OMM) is too easily a different thing in prose.
      if (texts.length === 1 && (texts[0] ?? '').length < 4) return;
      variants.push({ texts, keys: texts.map(koreanKey), id: entry.id, name: entry.name });
    };
    const texts = words.map((t) => t.text);
    push(texts);
    if (entry.kind === 'person' && texts.length >= 3) {
      // Given names joined (Kim Wonhong) and surname last (Won-hong Kim).
      push([texts[0] ?? '', texts.slice(1).join('')]);
      push([...texts.slice(1), texts[0] ?? '']);
    }
    if (entry.kind !== 'person') {
      let end = words.length;
      while (end > 1 && (words[end - 1]?.cls === 'legal' || words[end - 1]?.cls === 'stop')) end--;
      if (end < words.length && end >= 2) push(texts.slice(0, end));
    }
    for (const p of variants) {
      const first = p.keys[0] ?? '';
      const list = this.byFirstKey.get(first) ?? [];
      if (!list.some((q) => q.id === p.id && q.keys.join(' ') === p.keys.join(' '))) list.push(p);
      this.byFirstKey.set(first, list);
      this.maxWords = Math.max(this.maxWords, p.keys.length);
    }
  }

  /** Occurrences of indexed names in `text`, left to right, longest match first, not overlapping. */
  find(text: string, options: FindOptions = {}): NameOccurrence[] {
    const requireCap = options.requireCapitalised ?? true;
    const words = wordsOf(text);
    const out: NameOccurrence[] = [];
    let i = 0;
    while (i < words.length) {
      const w = words[i];
      const patterns = w ? this.byFirstKey.get(w.key) : undefined;
      let best: { p: Pattern; len: number; score: number } | null = null;
      for (const p of patterns ?? []) {
        const len = p.keys.length;
        if (i + len > words.length) continue;
        let ok = true;
        let same = 0;
        for (let k = 0; k < len; k++) {
          const tw = words[i + k];
          if (!tw || tw.key !== p.keys[k] || (requireCap && !tw.capitalised && (p.texts[k] ?? '').length > 3)) { ok = false; break; }
          if (tw.text === p.texts[k]) same++;
        }
        if (!ok) continue;
        const score = 0.9 + 0.1 * (same / len);
        if (!best || len > best.len || (len === best.len && score > best.score)) best = { p, len, score };
      }
      if (best) {
        const first = words[i];
        const last = words[i + best.len - 1];
        if (first && last) {
          out.push({ id: best.p.id, name: best.p.name, text: text.slice(first.start, last.end), start: first.start, end: last.end, score: best.score });
        }
        i += best.len;
        // Hangul words expand to several romanised words at one offset: skip the rest of them.
        while (i < words.length && last && (words[i]?.start ?? 0) < last.end) i++;
      } else {
        i++;
      }
    }
    return out;
  }

  /** Largest number of words an indexed name has (for callers that window text). */
  get longestName(): number {
    return this.maxWords;
  }
}
