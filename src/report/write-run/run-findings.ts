import type { Finding } from '../../evaluators/finding.js';
import type { Report } from '../../evaluators/report-schema.js';
import type { StoredSection } from '../../store/run-store.js';
import type { JournalFinding } from './journal-records.js';
import { sectionLineOffset } from './section-offsets.js';

/** The row of the findings strip a finding is drawn on. */
export type FindingLane = 'repetition' | 'constraints' | 'meta-text' | 'length' | 'other';

/** A finding as the report lists it: numbered, placed in the document when it can be. */
export interface ReportFinding {
  /** 1-based, in list order; the finding's anchor is `finding-<number>`. */
  number: number;
  severity: Finding['severity'];
  evaluator: string;
  ruleId: string;
  message: string;
  /** Where it is, for people: line, section heading, segment. */
  where: string;
  /** Offset in the document, when known. */
  offset: number | null;
  lane: FindingLane;
}

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

/**
 * Every finding of a run in one list: the final report's (placed by their offsets) and those
 * the section checks left standing on committed sections (meta-text, overlap, length, …;
 * placed through their section and line). Errors first, then in document order. Pure.
 */
export function runFindings({
  report,
  stepFindings,
  document,
  sections,
  sectionStarts,
  sectionIndexes,
}: {
  report: Report | undefined;
  /** Findings of step-end events, with the plan section id they belong to. */
  stepFindings: ReadonlyArray<{ sectionId: string; finding: JournalFinding }>;
  document: string | undefined;
  sections: readonly StoredSection[];
  /** Document offset of each section, by plan section id. */
  sectionStarts: ReadonlyMap<string, number>;
  /** Plan index of each section id, to find its stored text. */
  sectionIndexes: ReadonlyMap<string, number>;
}): ReportFinding[] {
  const texts = new Map(sections.map((section) => [section.index, section.text]));
  const fromReport = (report?.findings ?? []).map((finding) => ({
    ...base(finding),
    where: describeLocation(finding.location),
    offset: finding.location?.offset ?? null,
  }));
  const fromSteps = stepFindings.map(({ sectionId, finding }) => {
    const start = sectionStarts.get(sectionId);
    const text = texts.get(sectionIndexes.get(sectionId) ?? -1);
    const offset =
      start === undefined || document === undefined || text === undefined
        ? (start ?? null)
        : sectionLineOffset({
            document,
            sectionStart: start,
            sectionText: text,
            line: finding.location?.line,
          });
    const line = finding.location?.line;
    return {
      ...base(finding),
      where: `section ${sectionId}${line === undefined ? '' : `, its line ${line}`}`,
      offset,
    };
  });
  return [...fromReport, ...fromSteps]
    .sort(
      (left, right) =>
        severityOrder[left.severity] - severityOrder[right.severity] ||
        (left.offset ?? Number.MAX_SAFE_INTEGER) - (right.offset ?? Number.MAX_SAFE_INTEGER),
    )
    .map((finding, index) => ({ ...finding, number: index + 1 }));
}

function base(finding: Pick<Finding, 'evaluator' | 'ruleId' | 'message' | 'severity'>) {
  return {
    severity: finding.severity,
    evaluator: finding.evaluator,
    ruleId: finding.ruleId,
    message: finding.message,
    lane: laneOf(finding.ruleId),
  };
}

/** The strip row of a rule: by its evaluator prefix, and meta-text by name. */
export function laneOf(ruleId: string): FindingLane {
  if (ruleId.startsWith('repetition/') || ruleId === 'check/overlap') return 'repetition';
  if (ruleId.startsWith('constraints/') || ruleId.startsWith('check/constraint'))
    return 'constraints';
  if (ruleId.startsWith('check/meta-') || ruleId === 'check/truncated') return 'meta-text';
  if (ruleId.startsWith('length/') || ruleId.startsWith('check/length')) return 'length';
  return 'other';
}

function describeLocation(location: Finding['location']): string {
  if (location === undefined) return 'whole document';
  const parts = [
    location.line === undefined ? undefined : `line ${location.line}`,
    location.segment === undefined ? undefined : `segment ${location.segment}`,
    location.section,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? 'whole document' : parts.join(' · ');
}
