import { parseMarkdown } from '../markdown/parse-markdown.js';
import { version } from '../version.js';
import type { ConstraintFile } from './constraints/constraint-file-schema.js';
import { evaluateConstraints } from './constraints/evaluate-constraints.js';
import type { SegmentHeaderRule } from './constraints/segment-header-rule.js';
import { countWords } from './count-words.js';
import { evaluateDegradation } from './degradation/evaluate-degradation.js';
import { evaluateLength } from './evaluate-length.js';
import { type Finding, sortFindings } from './finding.js';
import type { Judge } from './judge.js';
import type { LengthGateSettings } from './length-gate.js';
import { judgeQuality } from './quality/judge-quality.js';
import { evaluateRepetition } from './repetition/evaluate-repetition.js';
import type { RepetitionOptions } from './repetition/repetition-options.js';
import type { Report } from './report-schema.js';
import { judgeRubric } from './rubric/judge-rubric.js';
import type { Rubric } from './rubric/rubric.js';
import { evaluateSlop } from './slop/evaluate-slop.js';
import { createTextLocator } from './text-locator.js';

/** A planned section and its text, for per-section length. */
export interface DocumentSection {
  id: string;
  title: string;
  /** The word budget the plan gave it. */
  words: number;
  /** What was written for it. */
  text: string;
}

/**
 * Runs every evaluator on one document and returns its report (`ReportSchema`): length
 * (S_l overall and per section), repetition, constraints when given, and quality (S_q) when a
 * judge is given, a rubric's criteria when a rubric and a judge are given, with findings
 * sorted errors first. Without a judge it makes no model call and depends only on its inputs.
 * Throws only when it cannot run at all (an abort, a judge whose credentials are refused);
 * problems in the text are findings.
 */
export async function evaluateDocument({
  text,
  requiredWords,
  sections,
  constraints,
  judge,
  request,
  target = { kind: 'text', path: null },
  repetition: repetitionOptions,
  sectionTolerance = 0.15,
  gate,
  constraintHeaders,
  partQuality = false,
  rubric,
  findings: earlierFindings = [],
}: {
  /** The assembled document, Markdown or plain text. */
  text: string;
  /** Required length for S_l; no S_l without it. */
  requiredWords?: number;
  sections?: readonly DocumentSection[];
  constraints?: ConstraintFile;
  /** The judge for S_q and for constraint checks the wording cannot settle. */
  judge?: Judge;
  /** The writing request, shown to the quality judge. */
  request?: string;
  target?: Report['target'];
  repetition?: Partial<RepetitionOptions>;
  /** Share of its budget a section may miss by before it is flagged. */
  sectionTolerance?: number;
  /** The band the document's length must fall in; 0.9× to 1.2× of the target unless given. */
  gate?: LengthGateSettings;
  /** How constraint segment headers are read: SGT's rule unless `lenient`. */
  constraintHeaders?: SegmentHeaderRule;
  /** With a judge, also ask for each part's S_q to follow quality along the document. */
  partQuality?: boolean;
  /** Query-specific criteria, each scored 1–10 by the judge in its own call; needs `judge`. */
  rubric?: Rubric;
  /** Findings noticed before evaluating (e.g. while reading a run), merged into the report. */
  findings?: readonly Finding[];
}): Promise<Report> {
  const locator = createTextLocator({ text });
  const words = countWords(text);
  const findings: Finding[] = [...earlierFindings];

  const length = evaluateLength({
    produced: words,
    required: requiredWords,
    sections: sections?.map((section) => ({
      id: section.id,
      title: section.title,
      budget: section.words,
      words: countWords(section.text),
    })),
    tolerance: sectionTolerance,
    gate,
  });
  findings.push(...length.findings);
  const repetition = evaluateRepetition({ text, locator, options: repetitionOptions });
  findings.push(...repetition.findings);

  let judgeCalls = 0;
  let dropped = 0;
  const constraintResult =
    constraints === undefined
      ? undefined
      : await evaluateConstraints({
          text,
          constraints,
          judge,
          locator,
          headers: constraintHeaders,
        });
  if (constraintResult) {
    findings.push(...constraintResult.findings);
    judgeCalls += constraintResult.judgeCalls;
    dropped += constraintResult.dropped;
  }
  const degradation = await evaluateDegradation({ text, sections, judge, partQuality, request });
  findings.push(...degradation.findings);
  judgeCalls += degradation.judgeCalls;
  const slop = evaluateSlop({ text, skip: parseMarkdown(text).fences });
  const quality = judge === undefined ? undefined : await judgeQuality({ judge, text, request });
  if (quality) {
    findings.push(...quality.findings);
    judgeCalls += 1;
    dropped += quality.quality.status === 'dropped' ? 1 : 0;
  }

  const rubricResult =
    judge === undefined || rubric === undefined
      ? undefined
      : await judgeRubric({ judge, rubric, text, request });
  if (rubricResult) {
    findings.push(...rubricResult.findings);
    judgeCalls += rubricResult.rubric.criteria.length;
    dropped += rubricResult.rubric.dropped;
  }

  const lengthScore = length.length.score;
  const qualityScore = quality?.quality.score ?? null;
  return {
    version: 1,
    quire: version,
    target,
    words,
    scores: {
      length: lengthScore,
      quality: qualityScore,
      overall:
        lengthScore !== null && qualityScore !== null ? (lengthScore + qualityScore) / 2 : null,
    },
    length: length.length,
    quality: quality?.quality ?? null,
    repetition: repetition.repetition,
    constraints: constraintResult?.constraints ?? null,
    degradation: degradation.degradation,
    slop,
    rubric: rubricResult?.rubric ?? null,
    judge: { model: judge?.name ?? null, calls: judgeCalls, dropped },
    findings: sortFindings(findings),
  };
}
