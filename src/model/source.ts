import type { SourceGrade } from './reliability.ts';

/** A source is anything a statement can cite: a seed document, an uploaded report, one version of an official list. */
export type SourceKind = 'document' | 'sanctions_list' | 'ftm_dataset' | 'curation';

export interface Source {
  id: string;
  kind: SourceKind;
  title: string;
  /** Who published it (a newspaper, an NGO, OFAC, the UN Security Council). */
  publisher: string | null;
  author: string | null;
  /** Publication date, ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD). For a list: its publication or generation date. */
  published: string | null;
  url: string | null;
  /** Dataset name the source feeds (e.g. `us_ofac_sdn`, `un_sc_sanctions`, `room39_seeds`). */
  dataset: string;
  /** For a list: the version label (usually the publication date). */
  version: string | null;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string | null;
  /** Path of the file inside the repository or data directory, when there is one. */
  file: string | null;
  /** Admiralty source-reliability letter given by the rubric of docs/grading.md, for curated sources. */
  grade?: SourceGrade | null;
  /** Why the rubric gives that letter (the class of source and what lifts or lowers it). */
  gradeReason?: string | null;
  /** The rubric's class of source (official_list, government_statistic, un_body, research_institute, press, …). */
  sourceClass?: string | null;
}
