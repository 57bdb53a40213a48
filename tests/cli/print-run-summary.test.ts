import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { printRunSummary } from '../../src/cli/print-run-summary.js';
import { summariseRun } from '../../src/control/summarise-run.js';
import { createInfo, createPlan, createTask } from '../helpers/builders.js';

function printed(events: Array<Record<string, unknown>>): string {
  const out: string[] = [];
  const io: CliIo = {
    stdout: { write: (text: string) => out.push(text), isTTY: false },
    stderr: { write: () => true, isTTY: false },
    env: {},
    cwd: '.',
  };
  const summary = summariseRun({
    info: createInfo({ task: createTask({ words: 1_200 }) }),
    plan: createPlan({ count: 3, words: 400 }),
    sections: [{ index: 0, file: 'sections/001-a.md', text: 'one two three' }],
    events,
  });
  printRunSummary({ io, directory: 'run', summary });
  return out.join('');
}

describe('printRunSummary', () => {
  it('lists the changes to the plan during the run after the sections', () => {
    const text = printed([
      { type: 'plan-refit', reason: 'floor', index: 1, sections: 3, wordsPerReply: 300 },
    ]);
    expect(text).toContain(
      '\n  plan changes during the run:\n    - the model writes at least 300 words per reply, however few it is asked for: no section from 2 on is asked for less (3 sections now)\n',
    );
    expect(text.indexOf('plan changes')).toBeGreaterThan(text.indexOf('Section 3'));
  });

  it('says nothing of plan changes when the plan never changed', () => {
    expect(printed([])).not.toContain('plan changes');
  });
});
