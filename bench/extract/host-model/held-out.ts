/** The annotated sets still held out: the host model (train.ts) never reads them, so they can score it once. */
import type { CorpusSet } from '../out-of-sample/corpus.ts';

export const HELD_OUT_SETS: readonly CorpusSet[] = ['heldout21'];
