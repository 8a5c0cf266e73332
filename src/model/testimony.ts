/**
 * Testimony of a witness. Everything that could identify the witness, and the
 * narrative itself, is protected: stored encrypted and shown only to roles
 * allowed to read it. Witnesses stay pseudonymised exactly as their source
 * publishes them ("Kim XX, 40, Saebyul County").
 */
export interface Testimony {
  id: string;
  /** Pseudonym as published (protected). */
  pseudonym: string;
  interviewDate: string | null;
  /** Place of interview (protected). */
  interviewPlace: string | null;
  /** The account (protected). */
  narrative: string;
  linkedEntityIds: string[];
  linkedFigureIds: string[];
  consent: 'public_source' | 'restricted' | 'withdrawn';
  sharingTerms: string | null;
  sourceId: string | null;
}

/** The fields of a testimony that are encrypted at rest and never leave the store for an unauthorised reader. */
export const PROTECTED_TESTIMONY_FIELDS = ['pseudonym', 'interviewPlace', 'narrative'] as const;
