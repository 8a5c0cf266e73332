/** Public API of src/cases: see README.md. */
export { createCase, deleteCase, checkCaseName, checkWebhook, type CreateCaseInput } from './create.ts';
export { rescreenCase, type RescreenOutcome } from './rescreen.ts';
export { decide, decisionTrail, latestDecisions, decisionKey, DECISIONS, type DecisionKind, type DecisionRecord, type DecisionInput } from './decisions.ts';
export { caseAlerts, alertsOf, deliverAlerts, type CaseAlert, type AlertChange } from './alerts.ts';
export { getCase, findCase, casesNamed, noSuchCase, listCaseRecords, caseResults, caseRuns, caseLists, pendingVersions, rowsOf, unscreenedRows, type CaseRecord, type StoredResult } from './store.ts';
export { listStates, groupsOf, describeChange, diffStates, type ListState } from './state.ts';
export { listVersionDetails, type ListVersionDetail } from './versions.ts';
export { caseReport, type RenderedReport, type ReportFormat } from './report.ts';
export { CaseJobs, runPendingRescreens, casesWithPendingVersions, RESCREEN_QUEUE } from './jobs.ts';
export { SupplierRiskIndex, type SupplierRisk } from './supplier-risk.ts';
export { caseOwner, caseOwnerKey, mayAccessCase, pickCase, accountAsker, operatorAsker, EVERY_CASE, type CaseViewer, type CaseAsker } from './access.ts';
