/**
 * quire's library API. Each part is grouped under a comment naming it.
 */

// evaluators

export {
  type Constraint,
  type ConstraintFile,
  type ConstraintFileInput,
  ConstraintFileSchema,
  ConstraintSchema,
  type ConstraintType,
  constraintTypes,
} from './evaluators/constraints/constraint-file-schema.js';
export {
  type ConstraintLeakage,
  constraintLeakage,
} from './evaluators/constraints/constraint-leakage.js';
export {
  type ConstraintResult,
  ConstraintResultSchema,
} from './evaluators/constraints/constraint-result-schema.js';
export {
  type ConvertedSgtItem,
  convertSgtItem,
  sgtSeparator,
} from './evaluators/constraints/convert-sgt-item.js';
export {
  type CheckDecision,
  type CheckedSegment,
  type DecidedBy,
  decideChecks,
} from './evaluators/constraints/decide-checks.js';
export { evaluateConstraints } from './evaluators/constraints/evaluate-constraints.js';
export {
  type IndexedText,
  indexText,
  type LexicalDecision,
  matchEvent,
} from './evaluators/constraints/event-matcher.js';
export {
  type ConstraintCheck,
  expandConstraints,
} from './evaluators/constraints/expand-constraints.js';
export {
  type ConstraintJudgement,
  ConstraintJudgementSchema,
  judgeConstraint,
} from './evaluators/constraints/judge-constraint.js';
export { parseConstraintFile } from './evaluators/constraints/parse-constraint-file.js';
export { parseSgtDataset } from './evaluators/constraints/parse-sgt-dataset.js';
export { readConstraintFile } from './evaluators/constraints/read-constraint-file.js';
export { readSgtDataset } from './evaluators/constraints/read-sgt-dataset.js';
export {
  type CheckGroupScore,
  type ConstraintScores,
  type DecileScore,
  scoreConstraints,
} from './evaluators/constraints/score-constraints.js';
export {
  type Segment,
  type SegmentProblem,
  segmentDocument,
} from './evaluators/constraints/segment-document.js';
export { type SgtItem, SgtItemSchema } from './evaluators/constraints/sgt-item-schema.js';
export { validateConstraintFile } from './evaluators/constraints/validate-constraint-file.js';
export { countWords } from './evaluators/count-words.js';
export { type DocumentSection, evaluateDocument } from './evaluators/evaluate-document.js';
export { evaluateLength, type SectionLengthInput } from './evaluators/evaluate-length.js';
export {
  type Finding,
  type FindingLocation,
  FindingSchema,
  type FindingSeverity,
  sortFindings,
} from './evaluators/finding.js';
export { formatReportSummary } from './evaluators/format-report-summary.js';
export type { Judge } from './evaluators/judge.js';
export { type LengthBucket, lengthBucket, lengthBuckets } from './evaluators/length-bucket.js';
export { type LengthResult, LengthResultSchema } from './evaluators/length-result-schema.js';
export { lengthScore } from './evaluators/length-score.js';
export { judgeQuality, unknownRequest } from './evaluators/quality/judge-quality.js';
export {
  type QualityDimension,
  type QualityJudgement,
  QualityJudgementSchema,
  qualityDimensions,
} from './evaluators/quality/quality-judgement-schema.js';
export {
  type QualityResult,
  QualityResultSchema,
} from './evaluators/quality/quality-result-schema.js';
export { type QualityScore, qualityScore } from './evaluators/quality/quality-score.js';
export {
  type EvaluationTarget,
  readEvaluationTarget,
} from './evaluators/read-evaluation-target.js';
export { readTextFile } from './evaluators/read-text-file.js';
export { compressionRatio } from './evaluators/repetition/compression-ratio.js';
export { type DistinctNgrams, distinctNgrams } from './evaluators/repetition/distinct-ngrams.js';
export { evaluateRepetition } from './evaluators/repetition/evaluate-repetition.js';
export { type LateCollapse, lateCollapse } from './evaluators/repetition/late-collapse.js';
export { longestLoop, type TokenLoop } from './evaluators/repetition/longest-loop.js';
export {
  nearDuplicateParagraphs,
  type ParagraphPair,
} from './evaluators/repetition/near-duplicate-paragraphs.js';
export { ngramOverlap } from './evaluators/repetition/ngram-overlap.js';
export {
  defaultRepetitionOptions,
  type RepetitionOptions,
} from './evaluators/repetition/repetition-options.js';
export {
  type RepetitionResult,
  RepetitionResultSchema,
} from './evaluators/repetition/repetition-result-schema.js';
export { type Paragraph, splitParagraphs } from './evaluators/repetition/split-paragraphs.js';
export { type TextTokens, tokenizeText } from './evaluators/repetition/tokenize-text.js';
export { type WindowDiversity, windowDiversity } from './evaluators/repetition/window-diversity.js';
export { type Report, ReportSchema } from './evaluators/report-schema.js';
export { writeReportFile } from './evaluators/write-report-file.js';

// prompts

// code mode
export type { CodeStepResult, StepEndReason } from './code/agent/code-step-result.js';
export { runCodeStep } from './code/agent/run-code-step.js';
export type {
  CheckFinding,
  FindingLocation as CheckFindingLocation,
} from './code/checks/check-finding.js';
export { checkSyntax } from './code/checks/check-syntax.js';
export { checkWorkspace, type WorkspaceCheckResult } from './code/checks/check-workspace.js';
export { isTestFile } from './code/checks/is-test-file.js';
export { type Confinement, nodeSandboxFlags } from './code/checks/node-sandbox-flags.js';
export { runNodeTests, type TestRunResult, type TestTotals } from './code/checks/run-node-tests.js';
export {
  runStepChecks,
  type StepCheckResult,
  type TestLimits,
} from './code/checks/run-step-checks.js';
export { sanitiseEnvironment } from './code/checks/sanitise-environment.js';
export {
  type CodeSettings,
  type CodeSettingsInput,
  CodeSettingsSchema,
} from './code/code-settings.js';
export type { CodeEvalReport } from './code/eval/code-eval-report.js';
export { type CodeSuite, CodeSuiteSchema, loadCodeSuite } from './code/eval/code-suite.js';
export { evaluateCodeRun } from './code/eval/evaluate-code-run.js';
export { formatCodeEvalSummary } from './code/eval/format-code-eval-summary.js';
export { type FeatureVerdict, judgeFeatures } from './code/eval/judge-features.js';
export { type CodeMeasure, measureCode } from './code/eval/measure-code.js';
export { type ChecklistItem, parseChecklist } from './code/eval/parse-checklist.js';
export { type CodeInstruction, type CodePlan, CodePlanSchema } from './code/plan/code-plan.js';
export { extractRequirements, type SpecRequirement } from './code/plan/extract-requirements.js';
export { attachMissingRequirements, normaliseCodePlan } from './code/plan/normalise-code-plan.js';
export { planCode } from './code/plan/plan-code.js';
export type { CodeRunEvent } from './code/run/code-run-event.js';
export { type CodeRunRecord, CodeRunRecordSchema } from './code/run/code-run-record.js';
export { buildCodeRunReport, type CodeRunReport } from './code/run/code-run-report.js';
export type { CodeRunStore } from './code/run/code-run-store.js';
export { openCodeRunStore } from './code/run/open-code-run-store.js';
export { readCodeRunRecord } from './code/run/read-code-run-record.js';
export { type RunCodeResult, runCode } from './code/run/run-code.js';
export { codeTools } from './code/tools/code-tools.js';
export { executeCodeTool } from './code/tools/execute-code-tool.js';
export { checkRelativePath } from './code/workspace/check-relative-path.js';
export { openWorkspace, type Workspace } from './code/workspace/workspace.js';
export { type CallToolsResult, callTools, type ReceivedToolCall } from './model/call-tools.js';
// simulated model
export { createSimModel } from './model/sim/create-sim-model.js';
export { type FaultKind, faultKinds } from './model/sim/fault-kind.js';
export { parseSimSpec, resolveSimOptions } from './model/sim/parse-sim-options.js';
export { type SimKnob, simKnobs } from './model/sim/sim-knobs.js';
export { SimLanguageModel } from './model/sim/sim-language-model.js';
export { simNotice } from './model/sim/sim-notice.js';
export {
  defaultSimOptions,
  type SimOptions,
  type SimOptionsInput,
} from './model/sim/sim-options.js';
export { type SimServer, startSimServer } from './model/sim/start-sim-server.js';
export { type PromptTemplate, parsePromptTemplate } from './prompts/parse-prompt-template.js';
export {
  defaultPromptsDirectory,
  loadPromptTemplate,
  type RenderedPrompt,
  renderPrompt,
} from './prompts/render-prompt.js';

// benchmarks and SFT

export { answerDirectly } from './bench/answer-directly.js';
export { answerWithQuire } from './bench/answer-with-quire.js';
export { type BenchAnswer, type BenchUsage, benchUsage } from './bench/bench-answer.js';
export { benchFiles } from './bench/bench-files.js';
export { type BenchMode, benchModes } from './bench/bench-mode.js';
export { formatLongbenchSummary } from './bench/longbench/format-longbench-summary.js';
export {
  type LongbenchItem,
  type LongbenchRow,
  LongbenchRowSchema,
  toLongbenchItem,
} from './bench/longbench/longbench-item.js';
export {
  type LongbenchResult,
  LongbenchResultSchema,
} from './bench/longbench/longbench-result-schema.js';
export { readLongbenchData } from './bench/longbench/read-longbench-data.js';
export {
  type LongbenchEvent,
  type LongbenchRunResult,
  runLongbench,
} from './bench/longbench/run-longbench.js';
export { runLongbenchItem } from './bench/longbench/run-longbench-item.js';
export { selectLongbenchItems } from './bench/longbench/select-longbench-items.js';
export {
  type LongbenchGroupScore,
  type LongbenchSummary,
  summariseLongbench,
} from './bench/longbench/summarise-longbench.js';
export { formatCell, markdownTable } from './bench/markdown-table.js';
export {
  type BenchManifest,
  BenchManifestSchema,
  openBenchFolder,
} from './bench/open-bench-folder.js';
export {
  type InvalidLine,
  type ParsedJsonLines,
  parseJsonLines,
} from './bench/parse-json-lines.js';
export { type BatchOutcome, runBatch } from './bench/run-batch.js';
export { type ItemEvent, type ResumableOutcome, runResumable } from './bench/run-resumable.js';
export { describeConstraint } from './bench/sgt/describe-constraint.js';
export { formatSgtSummary } from './bench/sgt/format-sgt-summary.js';
export { generateSgtTasks } from './bench/sgt/generate-sgt-tasks.js';
export { readSgtTasks, sgtTasksFromFile } from './bench/sgt/read-sgt-tasks.js';
export { runSgt, type SgtEvent, type SgtRunResult } from './bench/sgt/run-sgt.js';
export { runSgtTask } from './bench/sgt/run-sgt-task.js';
export { selectSgtTasks, sgtScenarios } from './bench/sgt/select-sgt-tasks.js';
export type { SgtBenchTask } from './bench/sgt/sgt-bench-task.js';
export { type SgtCheckSets, sgtCheckSets } from './bench/sgt/sgt-check-sets.js';
export { type SgtResult, SgtResultSchema } from './bench/sgt/sgt-result-schema.js';
export { type SgtScenarioName, sgtScenarioNames } from './bench/sgt/sgt-scenario.js';
export {
  type SgtGeneratedTask,
  SgtGeneratedTaskSchema,
  type SgtTaskFile,
  SgtTaskFileSchema,
} from './bench/sgt/sgt-task-file-schema.js';
export {
  type SgtGroupScore,
  type SgtSummary,
  type SgtTypeScore,
  summariseSgt,
} from './bench/sgt/summarise-sgt.js';
export { stableItemId } from './bench/stable-item-id.js';
export {
  checkThresholds,
  formatThresholds,
  type ThresholdCheck,
  type ThresholdOutcome,
} from './bench/suite/check-thresholds.js';
export { type LongbenchSuite, LongbenchSuiteSchema } from './bench/suite/longbench-suite-schema.js';
export { readSuiteFile } from './bench/suite/read-suite-file.js';
export { type SftSuite, SftSuiteSchema } from './bench/suite/sft-suite-schema.js';
export { type SgtSuite, SgtSuiteSchema } from './bench/suite/sgt-suite-schema.js';
export { writeBenchSummary } from './bench/write-bench-summary.js';
export { formatSftRecord, type SftRecord, sftRecordFormat } from './sft/format-sft-record.js';
export { orderSftItems, type SftItem } from './sft/order-sft-items.js';
export { readSftInstructions } from './sft/read-sft-instructions.js';
export { readSftOutput } from './sft/read-sft-output.js';
export { runSft, type SftRunResult } from './sft/run-sft.js';
export { runSftItem, type SftItemOutcome } from './sft/run-sft-item.js';
export {
  allSftFilters,
  type SftFilter,
  type SftRejection,
  type SftRejectionReason,
  screenSftAnswer,
} from './sft/screen-sft-answer.js';
export type { SftEvent } from './sft/sft-event.js';
export { type SftFormat, sftFormats } from './sft/sft-format.js';
export { type SftInstruction, SftInstructionSchema } from './sft/sft-instruction.js';
export { type SftMetadata, SftMetadataSchema } from './sft/sft-metadata.js';
export { openSftOutput, type SftOutput } from './sft/sft-output.js';
export { type SftPaths, sftPaths } from './sft/sft-paths.js';
export {
  type SftRejectedRecord,
  SftRejectedRecordSchema,
} from './sft/sft-rejected-record.js';
export { type SftSummary, summariseSft } from './sft/summarise-sft.js';
