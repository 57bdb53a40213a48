import { z } from 'zod';
import { defaultLengthGate, type LengthGateSettings } from '../../evaluators/length-gate.js';
import { type Passage, passageAt } from '../html/render-markdown.js';
import { type ConstraintMark, constraintMarks } from './constraint-marks.js';
import type { StripLane, StripMark } from './findings-strip-chart.js';
import { readJournalRecords } from './journal-records.js';
import type { RepetitionWindow } from './repetition-chart.js';
import { type ReportFinding, runFindings } from './run-findings.js';
import { sectionOffsets } from './section-offsets.js';
import { type PlanTreeNode, planTree, type SectionRow, sectionRows } from './section-rows.js';
import { type StageUsage, stageUsage } from './stage-usage.js';
import { stepTimeline } from './step-timeline.js';
import type { WriteRunFiles } from './write-run-files.js';

/** Everything the page of a write run shows, computed from its files. */
export interface WriteRunPageData {
  gate: LengthGateSettings;
  rows: SectionRow[];
  tree: PlanTreeNode[];
  /** Link target of each written section, by plan section id. */
  sectionHrefs: Map<string, string>;
  findings: ReportFinding[];
  /** Link target of each placed finding, by its number. */
  findingHrefs: Map<number, string>;
  constraints: ConstraintMark[];
  strip: StripMark[];
  windows: RepetitionWindow[];
  timeline: ReturnType<typeof stepTimeline>;
  stages: StageUsage[];
  priced: boolean;
}

const GateSchema = z.object({ floor: z.number(), ceiling: z.number() });

/**
 * The data of a write run's page: sections against budgets and the gate, the plan tree,
 * findings placed in the document, constraint checks, the time line and the usage by stage.
 * `passages` are the rendered document's blocks, so every placed thing can link to its
 * passage. Pure: the same files give the same data.
 */
export function writeRunPageData({
  files,
  passages,
}: {
  files: WriteRunFiles;
  passages: readonly Passage[];
}): WriteRunPageData {
  const { info, plan, sections, events, report, document } = files;
  const parsedGate = GateSchema.safeParse(info.config.lengthGate);
  const gate = parsedGate.success ? parsedGate.data : defaultLengthGate;
  const records = readJournalRecords(events);
  const rows = sectionRows({ info, plan, sections, events, gate });
  const starts = document === undefined ? new Map() : sectionOffsets({ document, plan, sections });
  const length = Math.max(1, document?.length ?? 1);
  const hrefAt = (offset: number | null) =>
    offset === null ? undefined : `#${passageAt({ passages, offset })?.id ?? 'document'}`;
  const share = (offset: number) => (100 * offset) / length;

  const sectionHrefs = new Map<string, string>();
  for (const [id, offset] of starts) sectionHrefs.set(id, hrefAt(offset)!);
  const findings = runFindings({
    report,
    stepFindings: records.stepEnds.flatMap((end) =>
      end.findings.map((finding) => ({ sectionId: end.sectionId, finding })),
    ),
    document,
    sections,
    sectionStarts: starts,
    sectionIndexes: new Map(rows.map((row) => [row.id, row.index])),
  });
  const findingHrefs = new Map<number, string>();
  for (const finding of findings) {
    const href = hrefAt(finding.offset);
    if (href) findingHrefs.set(finding.number, href);
  }
  const constraints = constraintMarks({ result: report?.constraints, document });

  const strip: StripMark[] = [
    ...[...starts].map(([id, offset]) => ({
      position: share(offset),
      lane: 'section start' as const,
      label: `${id} ${rows.find((row) => row.id === id)?.title ?? ''}`.trim(),
      href: hrefAt(offset)!,
    })),
    ...findings.flatMap((finding) =>
      finding.offset === null || finding.lane === 'constraints'
        ? []
        : [
            {
              position: share(finding.offset),
              lane: finding.lane as StripLane,
              label: `#${finding.number} ${finding.message}`,
              href: hrefAt(finding.offset)!,
            },
          ],
    ),
    ...constraints.flatMap((mark) =>
      mark.offset === null
        ? []
        : [
            {
              position: share(mark.offset),
              lane: `constraint ${mark.decision}` as StripLane,
              label: `segment ${mark.segment}: ${mark.event}`,
              href: hrefAt(mark.offset)!,
            },
          ],
    ),
  ];
  const windows = (report?.repetition.windows.series ?? []).map((window) => ({
    position: share(window.location.offset ?? 0),
    rep4: window.rep4,
    distinct2: window.distinct2,
  }));
  const { stages, priced } = stageUsage({ info, records });
  return {
    gate,
    rows,
    tree: planTree(rows),
    sectionHrefs,
    findings,
    findingHrefs,
    constraints,
    strip,
    windows,
    timeline: stepTimeline(records),
    stages,
    priced,
  };
}
