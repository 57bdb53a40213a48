import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMetaText } from '../../src/control/checks/check-meta-text.js';
import { countWords } from '../../src/evaluators/count-words.js';
import { PlanSchema } from '../../src/planner/plan-schema.js';
import { readRunSections } from '../../src/store/run-store.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

// Each case writes one or two whole documents, several seconds on a quiet machine; at a load
// average of 10 on 2 cores they take five times longer. The limits leave room for that.
const caseTimeoutMs = 180_000;
const cliTimeoutMs = 170_000;

interface JournalEvent {
  type: string;
  sectionId?: string;
  findings?: Array<{ ruleId: string }>;
}

describe('quire write on sim (length noise and the per-call ceiling on)', () => {
  it.each([10_000, 30_000])(
    'ends within a tenth of %i words, each section on budget or carrying its finding, no meta-text',
    async (words) => {
      const cwd = await tempDir();
      const result = await runCli({
        args: [
          'write',
          '--quality',
          'fast',
          'Write a guide to the lighthouses of Brittany',
          '--words',
          String(words),
          '--model',
          'sim:noise=0.2',
          '--out',
          'run',
        ],
        cwd,
        timeoutMs: cliTimeoutMs,
      });
      expect(result.code, result.stderr).toBe(0);
      const directory = join(cwd, 'run');
      const document = await readFile(join(directory, 'document.md'), 'utf8');
      expect(Math.abs(countWords(document) - words) / words).toBeLessThanOrEqual(0.1);

      const plan = PlanSchema.parse(
        JSON.parse(await readFile(join(directory, 'plan.json'), 'utf8')),
      );
      const sections = await readRunSections(directory);
      expect(sections).toHaveLength(plan.sections.length);
      const journal = (await readFile(join(directory, 'journal.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as JournalEvent);
      const ends = new Map(
        journal
          .filter((event) => event.type === 'step-end')
          .map((event) => [event.sectionId, event]),
      );
      for (const section of sections) {
        const planned = plan.sections[section.index]!;
        const miss = Math.abs(countWords(section.text) - planned.words) / planned.words;
        const recorded = ends.get(planned.id)?.findings?.map((finding) => finding.ruleId) ?? [];
        if (miss > 0.15)
          expect(recorded, planned.id).toContain(
            countWords(section.text) < planned.words ? 'check/length-short' : 'check/length-long',
          );
        const meta = checkMetaText({
          text: section.text,
          section: planned,
          index: section.index,
          plan,
          previous: [],
          settings: { lengthTolerance: 0.15, maxOverlap: 0.2 },
        });
        expect(meta, planned.id).toEqual([]);
      }
    },
    caseTimeoutMs,
  );

  it(
    'runs the AgentWrite baseline (--context full) on the same plan, recording tokens for both',
    async () => {
      const cwd = await tempDir();
      const request = [
        'write',
        '--quality',
        'fast',
        'Write a guide to the lighthouses of Brittany',
        '--words',
        '8000',
        '--model',
        'sim',
      ];
      const bounded = await runCli({
        args: [...request, '--out', 'bounded'],
        cwd,
        timeoutMs: cliTimeoutMs / 2,
      });
      expect(bounded.code, bounded.stderr).toBe(0);
      const full = await runCli({
        args: [...request, '--context', 'full', '--plan', 'bounded/plan.json', '--out', 'full'],
        cwd,
        timeoutMs: cliTimeoutMs / 2,
      });
      expect(full.code, full.stderr).toBe(0);
      const usage = async (name: string) =>
        JSON.parse(await readFile(join(cwd, name, 'run.json'), 'utf8')).usage as {
          inputTokens: number;
          outputTokens: number;
        };
      const boundedUsage = await usage('bounded');
      const baseline = await usage('full');
      expect(boundedUsage.inputTokens).toBeGreaterThan(0);
      expect(boundedUsage.outputTokens).toBeGreaterThan(0);
      expect(baseline.inputTokens).toBeGreaterThan(boundedUsage.inputTokens * 2);
      const plans = await Promise.all(
        ['bounded', 'full'].map((name) => readFile(join(cwd, name, 'plan.json'), 'utf8')),
      );
      expect(plans[1]).toBe(plans[0]);
    },
    caseTimeoutMs,
  );
});
