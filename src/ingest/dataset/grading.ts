/**
 * The grading rubric of docs/grading.md as code: the class of a source gives
 * its Admiralty reliability letter, the same way for every source; reading a
 * third-party copy instead of the publisher's own page lowers it one letter.
 * The dataset checker holds every source record and every record citing it to
 * this letter, so a grade cannot drift from the rubric unnoticed.
 */
import type { SourceGrade } from '../../model/index.ts';
import { SOURCE_GRADES } from '../../model/index.ts';

export const SOURCE_CLASSES = [
  'official_list',
  'legal_text',
  'government_report',
  'un_report',
  'news_agency',
  'press',
  'research',
  'advocacy',
  'aggregator',
  'unsigned_blog',
] as const;
export type SourceClass = (typeof SOURCE_CLASSES)[number];

export interface ClassRule {
  letter: SourceGrade;
  /** What belongs to the class, in the words of docs/grading.md. */
  covers: string;
}

export const CLASS_RULES: Record<SourceClass, ClassRule> = {
  official_list: { letter: 'A', covers: 'a sanctions list or designation notice, read at the authority that keeps it' },
  legal_text: { letter: 'A', covers: 'a statute, executive order or Security Council resolution, read at its official publisher' },
  government_report: { letter: 'B', covers: "a government's own publication: its statistics, its reports to the UN, its agencies' press releases and reports" },
  un_report: { letter: 'B', covers: 'a UN body: the 1718 Committee and its Panel of Experts, the Special Rapporteur, the Security Council' },
  news_agency: { letter: 'B', covers: 'a news agency or public broadcaster reporting with named sources (Yonhap, AP, Reuters, AFP, KBS, Interfax)' },
  press: { letter: 'C', covers: 'a newspaper, magazine or specialist outlet (NK News, Daily NK, a national daily), or a signed article in an edited publication' },
  research: { letter: 'C', covers: 'a think tank, institute or research NGO that states its method (KDI, Sejong, Asan, NKDB, C4ADS, PIIE, HRNK)' },
  advocacy: { letter: 'D', covers: 'an advocacy organisation or a signed advocacy or opinion blog' },
  aggregator: { letter: 'E', covers: 'a site restating others’ reporting with no editorial control that can be seen (aggregators, summaries, fact-check bots)' },
  unsigned_blog: { letter: 'F', covers: 'a text with neither author nor publisher: its reliability cannot be judged' },
};

/** The letter the rubric gives a source of this class, read at its publisher or (copy) through a third-party copy. */
export function rubricLetter(sourceClass: SourceClass, copy = false): SourceGrade {
  const base = CLASS_RULES[sourceClass].letter;
  if (!copy || base === 'F') return base;
  const i = SOURCE_GRADES.indexOf(base);
  return SOURCE_GRADES[Math.min(i + 1, SOURCE_GRADES.length - 1)] as SourceGrade;
}
