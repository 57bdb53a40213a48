import { z } from 'zod';
import { expandConstraints } from '../evaluators/constraints/expand-constraints.js';
import { callObject } from '../model/call-object.js';
import type { CallSettings } from '../model/call-settings.js';
import { addUsage, type CallUsage, emptyUsage } from '../model/usage-meter.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import type { Task } from '../task/task-schema.js';
import type { PlanFinding } from './plan-finding.js';
import type { DueConstraint, Plan } from './plan-schema.js';
import { rescaleBudgets } from './rescale-budgets.js';
import { splitOversized } from './split-oversized.js';
import { firstWords, toPlanSection } from './to-plan-section.js';

const BriefsSchema = z.object({
  briefs: z.array(z.object({ segment: z.number(), brief: z.string() })),
});

/** Segments per brief-writing call: small enough for any model to answer in full. */
const batchSize = 30;

/**
 * Plans a segmented document (52 weeks, 100 floors…) whose skeleton comes from the task by pure
 * code: one section per segment, titled "<unit> <n>" so the segmenter finds it, with the
 * constraints due there. The model only writes the briefs, in batches; a segment whose brief it
 * leaves out gets a plain one, and the report says how many.
 */
export async function planSegments({
  task,
  call,
  maxSectionWords,
}: {
  task: Task & { constraints: NonNullable<Task['constraints']> };
  call: CallSettings;
  maxSectionWords: number;
}): Promise<{ plan: Plan; findings: PlanFinding[]; attempts: number; usage: CallUsage }> {
  const file = task.constraints;
  const unit = file.unit ?? 'Segment';
  const count = file.segments;
  const due = dueBySegment(file);
  const findings: PlanFinding[] = [];
  let budgets = rescaleBudgets({ weights: Array(count).fill(1), total: task.words });
  if (file.minWords !== undefined && budgets.some((words) => words < file.minWords!)) {
    budgets = budgets.map((words) => Math.max(words, file.minWords!));
    findings.push({
      ruleId: 'budgets-rescaled',
      severity: 'warning',
      message: `${count} segments of at least ${file.minWords} words need ${budgets.reduce((a, b) => a + b, 0)} words, more than the target of ${task.words}`,
    });
  }

  let usage = emptyUsage;
  let calls = 0;
  const briefs = new Map<number, string>();
  for (let first = 1; first <= count; first += batchSize) {
    const last = Math.min(count, first + batchSize - 1);
    const prompt = await renderPrompt({
      name: 'plan-segments',
      variables: {
        request: task.prompt,
        unit,
        first,
        last,
        count,
        due: listDue({ due, unit, first, last }),
      },
    });
    const reply = await callObject({
      ...call,
      ...prompt,
      schema: BriefsSchema,
      schemaName: 'briefs',
    });
    usage = addUsage(usage, reply.usage);
    calls++;
    for (const { segment, brief } of reply.object.briefs) {
      if (Number.isInteger(segment) && segment >= first && segment <= last && brief.trim()) {
        briefs.set(segment, brief.trim());
      }
    }
  }
  const missing = count - briefs.size;
  if (missing > 0) {
    findings.push({
      ruleId: 'missing-brief',
      severity: 'info',
      message: `${missing} of ${count} segments got no brief from the model; a plain one is used`,
    });
  }

  const sections = Array.from({ length: count }, (_, index) => {
    const segment = index + 1;
    return {
      title: `${unit} ${segment}`,
      brief:
        briefs.get(segment) ??
        `${unit} ${segment} of ${count}: carry the document forward from ${unit} ${segment - 1 || 'the opening'}, as the request describes.`,
      words: budgets[index]!,
      origins: [index],
      segment,
    };
  });
  const split = splitOversized({ sections, maxWords: maxSectionWords });
  findings.push(...split.findings);
  const plan: Plan = {
    version: 1,
    title: task.title ?? firstWords(task.prompt),
    words: task.words,
    sections: split.sections.map((section, index) =>
      toPlanSection({
        section,
        index,
        constraints: section.continuation ? [] : (due.get(section.segment ?? 0) ?? []),
      }),
    ),
  };
  return { plan, findings, attempts: calls, usage };
}

function dueBySegment(file: NonNullable<Task['constraints']>): Map<number, DueConstraint[]> {
  const due = new Map<number, DueConstraint[]>();
  for (const check of expandConstraints(file)) {
    if (check.segment > file.segments) continue;
    const list = due.get(check.segment) ?? [];
    list.push({
      id: `k${check.constraint + 1}`,
      text: check.event,
      ...(check.match.length > 0 ? { match: check.match } : {}),
    });
    due.set(check.segment, list);
  }
  return due;
}

function listDue({
  due,
  unit,
  first,
  last,
}: {
  due: Map<number, DueConstraint[]>;
  unit: string;
  first: number;
  last: number;
}): string {
  const lines: string[] = [];
  for (let segment = first; segment <= last; segment++) {
    const items = due.get(segment)?.map((item) => item.text) ?? [];
    lines.push(`- ${unit} ${segment}: ${items.length > 0 ? items.join('; ') : '(none)'}`);
  }
  return lines.join('\n');
}
