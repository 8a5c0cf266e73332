/** Public API of src/resolve: see README.md. */
export { linkRecords, proposeByRules, RULE_RECORDER, type LinkReport } from './link.ts';
export { runXref, findCandidates, xrefState, xrefAdvice, type XrefState, corroboration, XREF_MIN, PROPOSE_AT, type XrefReport, type XrefCandidate } from './xref.ts';
export { openCandidates, decide, resolutionOf, resolutionStats, type CandidateView, type Decision, type RecordSummary, type ResolutionStats } from './queue.ts';
export { loadResolveRecords, nameKey, type ResolveRecord } from './records.ts';
export { judgePair, RULES, type RuleMatch, type RuleName } from './rules.ts';
