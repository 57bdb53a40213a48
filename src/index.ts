/**
 * quire's library API, as the README's "Library API" section describes it. Everything else in
 * the package is internal and may change between versions.
 */

// benchmarks and SFT
export { checklistWeights } from './bench/hellobench/checklist-weights.js';
export { helloEvalScore } from './bench/hellobench/hello-eval-score.js';
export { judgeChecklist } from './bench/hellobench/judge-checklist.js';
export { readHellobenchData } from './bench/hellobench/read-hellobench-data.js';
export { runHellobench } from './bench/hellobench/run-hellobench.js';
export { summariseHellobench } from './bench/hellobench/summarise-hellobench.js';
export { readLongbenchData } from './bench/longbench/read-longbench-data.js';
export { runLongbench } from './bench/longbench/run-longbench.js';
export { summariseLongbench } from './bench/longbench/summarise-longbench.js';
export { generateSgtTasks } from './bench/sgt/generate-sgt-tasks.js';
export { readSgtTasks } from './bench/sgt/read-sgt-tasks.js';
export { runSgt } from './bench/sgt/run-sgt.js';
export { summariseSgt } from './bench/sgt/summarise-sgt.js';
// code mode
export { type CodeSettings, CodeSettingsSchema } from './code/code-settings.js';
export { evaluateCodeRun } from './code/eval/evaluate-code-run.js';
export { parseChecklist } from './code/eval/parse-checklist.js';
export { openCodeRunStore } from './code/run/open-code-run-store.js';
export { type RunCodeResult, runCode } from './code/run/run-code.js';
export { openSandbox } from './code/sandbox/open-sandbox.js';
export type { Confinement, Sandbox } from './code/sandbox/sandbox.js';
// configuration
export { type Config, ConfigSchema } from './config/config-schema.js';
export { loadConfig } from './config/load-config.js';
// writing
export { type Ledger, LedgerSchema } from './control/ledger/ledger-schema.js';
export { type LedgerItem, queryLedger } from './control/ledger/query-ledger.js';
export { renderLedger } from './control/ledger/render-ledger.js';
export type { RunEvent } from './control/run-events.js';
export { type WriteRunResult, writeRun } from './control/write-run.js';
// errors
export * from './errors/index.js';
// evaluators
export {
  type ConstraintFile,
  ConstraintFileSchema,
} from './evaluators/constraints/constraint-file-schema.js';
export { convertSgtItem } from './evaluators/constraints/convert-sgt-item.js';
export { evaluateConstraints } from './evaluators/constraints/evaluate-constraints.js';
export { expandConstraints } from './evaluators/constraints/expand-constraints.js';
export { readConstraintFile } from './evaluators/constraints/read-constraint-file.js';
export { readSgtDataset } from './evaluators/constraints/read-sgt-dataset.js';
export { segmentDocument } from './evaluators/constraints/segment-document.js';
export { countWords } from './evaluators/count-words.js';
export { type DocumentSection, evaluateDocument } from './evaluators/evaluate-document.js';
export { type Finding, FindingSchema } from './evaluators/finding.js';
export type { Judge } from './evaluators/judge.js';
export { lengthBucket, lengthBuckets } from './evaluators/length-bucket.js';
export { lengthScore } from './evaluators/length-score.js';
export { judgeQuality } from './evaluators/quality/judge-quality.js';
export { evaluateRepetition } from './evaluators/repetition/evaluate-repetition.js';
export { ngramOverlap } from './evaluators/repetition/ngram-overlap.js';
export { type Report, ReportSchema } from './evaluators/report-schema.js';
export { judgeRubric } from './evaluators/rubric/judge-rubric.js';
export { parseRubricFile } from './evaluators/rubric/parse-rubric-file.js';
export { readRubricFile } from './evaluators/rubric/read-rubric-file.js';
export type { Rubric, RubricCriterion } from './evaluators/rubric/rubric.js';
export type { RubricResult } from './evaluators/rubric/rubric-result-schema.js';
export { writeReportFile } from './evaluators/write-report-file.js';
export { assembleDocument } from './markdown/assemble-document.js';
export { callObject } from './model/call-object.js';
// models
export type { CallSettings } from './model/call-settings.js';
export { callText } from './model/call-text.js';
export { callTools } from './model/call-tools.js';
export { ContextWindow, type ContextWindowState } from './model/context/context-window.js';
export { discoverContextWindow } from './model/context/discover-context-window.js';
export { type ResolvedModel, resolveModel } from './model/resolve-model.js';
export { type ModelInput, resolveModelInput } from './model/resolve-model-input.js';
export { UsageMeter, type UsageTotals } from './model/usage-meter.js';
export { normalisePlan } from './planner/normalise-plan.js';
export { planDocument } from './planner/plan-document.js';
export { type Plan, PlanSchema, type PlanSection } from './planner/plan-schema.js';
// prompts
export { renderPrompt } from './prompts/render-prompt.js';
export { formatSftRecord, type SftRecord } from './sft/format-sft-record.js';
export { readSftInstructions } from './sft/read-sft-instructions.js';
export { runSft } from './sft/run-sft.js';
export { type RunInfo, RunInfoSchema } from './store/run-info-schema.js';
export { RunStore, readRunInfo } from './store/run-store.js';
export { createTask } from './task/create-task.js';
export { type Task, TaskSchema } from './task/task-schema.js';
export { type WriteModels, writeDocument } from './write-document.js';
