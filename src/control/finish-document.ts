import { evaluateDocument } from '../evaluators/evaluate-document.js';
import type { EvaluationSettings } from '../evaluators/evaluation-settings.js';
import type { Judge } from '../evaluators/judge.js';
import type { Report } from '../evaluators/report-schema.js';
import { writeReportFile } from '../evaluators/write-report-file.js';
import { assembleDocument } from '../markdown/assemble-document.js';
import type { Plan } from '../planner/plan-schema.js';
import { type RunStore, runFiles, type StoredSection } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';

/**
 * The last stage of a write run: assembles `document.md` from the committed sections and
 * scores it with the evaluators into `report.json` (length overall and per section,
 * repetition, the task's constraints, and quality when a judge is given).
 */
export async function finishDocument({
  store,
  task,
  plan,
  sections,
  judge,
  settings,
}: {
  store: RunStore;
  task: Task;
  plan: Plan;
  sections: StoredSection[];
  judge?: Judge;
  /** From the run's configuration, so its report matches `quire eval` on it. */
  settings?: EvaluationSettings;
}): Promise<{ document: string; report: Report }> {
  const planned = (section: StoredSection) => plan.sections[section.index]!;
  const document = assembleDocument({
    title: plan.title,
    sections: sections.map((section) => ({
      title: planned(section).title,
      text: section.text,
      continuation: planned(section).continuation,
    })),
  });
  await store.writeText(runFiles.document, document);
  const report = await evaluateDocument({
    text: document,
    requiredWords: task.words,
    sections: sections.map((section) => ({
      id: planned(section).id,
      title: planned(section).title,
      words: planned(section).words,
      text: section.text,
    })),
    constraints: task.constraints,
    judge,
    request: task.prompt,
    target: { kind: 'run', path: store.directory },
    ...settings,
  });
  await writeReportFile({ path: store.path(runFiles.report), report });
  return { document, report };
}
