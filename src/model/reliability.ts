/**
 * Admiralty (NATO) grading: how reliable the source is (A–F) and how credible
 * this piece of information is (1–6). "B2" = usually reliable source,
 * probably true information.
 */
export const SOURCE_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const INFORMATION_GRADES = ['1', '2', '3', '4', '5', '6'] as const;
export type SourceGrade = (typeof SOURCE_GRADES)[number];
export type InformationGrade = (typeof INFORMATION_GRADES)[number];
export type Reliability = `${SourceGrade}${InformationGrade}`;

export const SOURCE_GRADE_MEANING: Record<SourceGrade, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

export const INFORMATION_GRADE_MEANING: Record<InformationGrade, string> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
};

export function isReliability(value: string): value is Reliability {
  return (
    value.length === 2 &&
    (SOURCE_GRADES as readonly string[]).includes(value[0] ?? '') &&
    (INFORMATION_GRADES as readonly string[]).includes(value[1] ?? '')
  );
}

export function describeReliability(grade: Reliability): string {
  const s = grade[0] as SourceGrade;
  const i = grade[1] as InformationGrade;
  return `${SOURCE_GRADE_MEANING[s]} source, ${INFORMATION_GRADE_MEANING[i]}`;
}
