import { describe, expect, it } from 'vitest';
import { summariseRun } from '../../src/control/summarise-run.js';
import { createInfo, createPlan, createTask } from '../helpers/builders.js';

const plan = createPlan({ count: 3, words: 400 });

/** A run that stopped on its budget, with some usage and cost. */
function stoppedInfo() {
  const info = createInfo({ task: createTask({ words: 1_200, lang: 'de' }) });
  return {
    ...info,
    status: 'stopped' as const,
    stopReason: 'the token budget is spent',
    costUsd: 0.25,
    elapsedSeconds: 42,
    usage: { ...info.usage, inputTokens: 900, outputTokens: 300, calls: 4 },
  };
}

/** A finding as journalled by a check. */
function finding(ruleId: string, severity = 'error') {
  return { evaluator: 'check', ruleId, severity, message: `${ruleId} failed` };
}

describe('summariseRun', () => {
  it('reports each section’s words, attempts and standing findings, and the run’s totals', () => {
    const info = stoppedInfo();
    const summary = summariseRun({
      info,
      plan,
      sections: [
        { index: 0, file: 'sections/001-a.md', text: 'one two three' },
        { index: 2, file: 'sections/003-c.md', text: 'four five' },
      ],
      events: [
        {
          type: 'step-end',
          sectionId: 's001',
          attempts: 3,
          findings: [finding('check/length-short')],
        },
        { type: 'step-end', sectionId: 's003', attempts: 1, findings: [] },
        // Events of a section after its step-end do not change what it ended with.
        { type: 'rewrite-end', sectionId: 's001', kept: true },
      ],
    });
    expect(summary).toEqual({
      status: 'stopped',
      stopReason: 'the token budget is spent',
      task: { prompt: info.task.prompt, words: 1_200, lang: 'de' },
      model: 'sim',
      sectionsDone: 2,
      sectionsTotal: 3,
      wordsWritten: 5,
      usage: info.usage,
      contextWindow: undefined,
      costUsd: 0.25,
      elapsedSeconds: 42,
      sections: [
        {
          id: 's001',
          title: 'Section 1',
          budget: 400,
          words: 3,
          attempts: 3,
          findings: [{ ruleId: 'check/length-short', message: 'check/length-short failed' }],
        },
        {
          id: 's002',
          title: 'Section 2',
          budget: 400,
          words: undefined,
          attempts: undefined,
          findings: [],
        },
        { id: 's003', title: 'Section 3', budget: 400, words: 2, attempts: 1, findings: [] },
      ],
      failedChecks: {},
      planRefits: [],
    });
  });

  it('counts the failed checks of every draft by rule, errors only', () => {
    const summary = summariseRun({
      info: stoppedInfo(),
      plan,
      sections: [],
      events: [
        {
          type: 'check-end',
          findings: [finding('check/length-short'), finding('check/repetition')],
        },
        {
          type: 'check-end',
          findings: [finding('check/length-short'), finding('check/meta-text', 'warning')],
        },
        { type: 'check-end' },
        {
          type: 'step-end',
          sectionId: 's001',
          attempts: 2,
          findings: [finding('check/length-long')],
        },
      ],
    });
    expect(summary.failedChecks).toEqual({ 'check/length-short': 2, 'check/repetition': 1 });
    expect(summary.sections[0]?.words).toBeUndefined();
    expect(summary.sections[0]?.attempts).toBe(2);
  });

  it('lists every change to the pending plan, in the order the journal holds them', () => {
    const summary = summariseRun({
      info: stoppedInfo(),
      plan,
      sections: [],
      events: [
        { type: 'plan-end', sections: 2, words: 1_200 },
        {
          type: 'plan-refit',
          time: 't',
          reason: 'capacity',
          index: 1,
          sections: 3,
          wordsPerReply: 350,
        },
        {
          type: 'plan-refit',
          time: 't',
          reason: 'rebalance',
          index: 2,
          sections: 3,
          pendingWords: { before: 400, after: 520 },
        },
      ],
    });
    expect(summary.planRefits).toEqual([
      { reason: 'capacity', index: 1, sections: 3, wordsPerReply: 350 },
      { reason: 'rebalance', index: 2, sections: 3, pendingWords: { before: 400, after: 520 } },
    ]);
  });

  it('lists no sections before the plan exists', () => {
    const summary = summariseRun({
      info: stoppedInfo(),
      plan: undefined,
      sections: [],
      events: [],
    });
    expect(summary).toMatchObject({
      sections: [],
      sectionsDone: 0,
      sectionsTotal: 0,
      wordsWritten: 0,
    });
  });
});
