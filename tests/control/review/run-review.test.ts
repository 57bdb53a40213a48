import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReview } from '../../../src/control/review/run-review.js';
import type { RunEventInput } from '../../../src/control/run-events.js';
import type { Plan } from '../../../src/planner/plan-schema.js';
import {
  readReviewText,
  readRoundFindings,
  readRoundRewrites,
  reviewPaths,
} from '../../../src/store/review-files.js';
import { RunStore } from '../../../src/store/run-store.js';
import type { RunStage } from '../../../src/store/stage-usage.js';
import { createPlan, createTask } from '../../helpers/builders.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { type PromptCall, promptModel, prose } from '../../helpers/prompt-model.js';
import { writeSections } from '../../helpers/run-on-disk.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();
const words = 120;
/** A word the fake reviewer flags wherever it reads it: the planted defect. */
const defect = 'Zanzibar';
const settings = { lengthTolerance: 0.15, maxOverlap: 0.2 };

/** A section's prose, with the defect planted when asked. */
function sectionText(seed: number, planted = false): string {
  const text = prose(words, seed);
  return planted ? text.replace(/\.$/, ` near ${defect}.`) : text;
}

const fixed = sectionText(77);

/**
 * A reviewer that flags (twice, and with a section it was not shown) every section it reads
 * holding the defect, and a rewriter that returns `fixed`, or the text unchanged when `stubborn`.
 */
function reviewModel({ stubborn = false }: { stubborn?: boolean } = {}) {
  return promptModel((call: PromptCall) => {
    if (!call.json) {
      const current = /<current-text>\n?([\s\S]*?)\n?<\/current-text>/.exec(call.prompt)?.[1];
      return { text: stubborn ? (current ?? '') : fixed };
    }
    const shown = [...call.prompt.matchAll(/<section id="(\w+)"[^>]*>([\s\S]*?)<\/section>/g)];
    const flagged = shown.filter(([, , text]) => text!.includes(defect)).map(([, id]) => id!);
    const finding = (id: string) => ({
      rule: 'repetition',
      sections: [id, id],
      message: `section ${id} repeats itself`,
      severity: 'error',
    });
    return {
      text: JSON.stringify({
        reviewed: shown.map(([, id]) => id),
        findings: [
          ...flagged.map(finding),
          ...flagged.map(finding),
          ...(flagged.length > 0 ? [finding('s999')] : []),
        ],
      }),
    };
  });
}

async function review({
  plan = createPlan({ count: 3, words }),
  texts = [sectionText(1), sectionText(2, true), sectionText(3)],
  rounds = 3,
  model = reviewModel(),
  facts = [],
  budgetStop = () => undefined,
  directory,
}: {
  plan?: Plan;
  texts?: string[];
  rounds?: number;
  model?: ReturnType<typeof reviewModel>;
  facts?: string[];
  budgetStop?: () => string | undefined;
  directory?: string;
} = {}) {
  const folder = directory ?? (await tempDir());
  const store = await RunStore.open(folder);
  try {
    if (directory === undefined) await writeSections({ store, plan, texts });
    const events: RunEventInput[] = [];
    const stages: RunStage[] = [];
    const result = await runReview({
      task: createTask({ words: plan.words }),
      plan,
      store,
      sections: await store.readSections(),
      rounds,
      call: {
        model,
        clock: createFakeClock(),
        retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
      },
      settings,
      facts,
      budgetStop,
      trackStage: async (stage, work) => {
        stages.push(stage);
        return work();
      },
      emit: async (event) => {
        events.push(event);
      },
    });
    return { result, events, stages, model, directory: folder };
  } finally {
    await store.close();
  }
}

describe('runReview', () => {
  it('rewrites only the flagged section, keeps a rewrite that clears it, and ends on a clean round', async () => {
    const { result, events, stages, model, directory } = await review({
      facts: ['The toll was three pence.'],
    });
    expect(result.rounds).toBe(2);
    expect(result.stopReason).toBeUndefined();
    expect(result.sections.map((section) => section.text)).toEqual([
      sectionText(1),
      fixed,
      sectionText(3),
    ]);
    expect(await readFile(join(directory, result.sections[1]!.file), 'utf8')).toBe(fixed);

    const draft = await readFile(join(directory, reviewPaths.draft), 'utf8');
    expect(draft).toContain(defect);
    expect(draft).toContain('# A test document');
    const round = await readRoundFindings({ directory, round: 1 });
    // The reviewer's finding once, though named twice; none for the section it was not shown.
    expect(round).toEqual({
      round: 1,
      calls: 1,
      findings: [
        {
          evaluator: 'review',
          ruleId: 'review/repetition',
          message: 'section s002 repeats itself',
          severity: 'error',
          location: { section: 's002' },
        },
      ],
    });
    const [rewrite] = await readRoundRewrites({ directory, round: 1 });
    expect(rewrite).toMatchObject({ sectionId: 's002', index: 1, kept: true, findingsAfter: [] });
    expect(rewrite!.findingsBefore).toEqual(round!.findings);
    expect(await readReviewText({ directory, name: rewrite!.before })).toBe(sectionText(2, true));
    expect(await readReviewText({ directory, name: rewrite!.after })).toBe(fixed);
    expect(await readRoundRewrites({ directory, round: 2 })).toEqual([]);

    expect(events.map((event) => [event.type, 'round' in event ? event.round : undefined])).toEqual(
      [
        ['review-start', 1],
        ['review-end', 1],
        ['rewrite-end', 1],
        ['review-start', 2],
        ['review-end', 2],
      ],
    );
    expect(events[0]).toMatchObject({ sections: 3 });
    expect(events[1]).toMatchObject({ findings: 1, flagged: ['s002'], calls: 1 });
    expect(events[2]).toMatchObject({
      sectionId: 's002',
      index: 1,
      kept: true,
      findingsBefore: 1,
      findingsAfter: 0,
    });
    expect(events[4]).toMatchObject({ findings: 0, flagged: [] });
    expect(stages).toEqual(['review', 'rewrite', 'review']);

    // The review, the rewrite, its recheck (the section between its neighbours), the clean round.
    const prompts = model.doStreamCalls.map((call) => JSON.stringify(call.prompt));
    expect(prompts).toHaveLength(4);
    expect(prompts[0]).toContain('- The toll was three pence.');
    expect(prompts[0]).toContain('Sections shown: 1–3 of 3.');
    expect(prompts[1]).toContain('The toll was three pence.');
    expect(prompts[1]).toContain('review/repetition: section s002 repeats itself');
    expect(prompts[2]).toContain('Sections shown: 1–3 of 3.');
    expect(prompts[2]).toContain(fixed.slice(0, 40));
  });

  it('rewrites each flagged section from its own findings and its neighbours’ edges', async () => {
    const { result, model, directory } = await review({
      rounds: 1,
      texts: [sectionText(1, true), sectionText(2), sectionText(3, true)],
    });
    expect(result).not.toHaveProperty('stopReason');
    const rewrites = model.doStreamCalls
      .map((call) => JSON.stringify(call.prompt))
      .filter((prompt) => prompt.includes('<current-text>'));
    expect(rewrites).toHaveLength(2);
    const [first, last] = rewrites;
    expect(first).toContain('(this section opens the document)');
    expect(first).toContain('section s001 repeats itself');
    expect(first).not.toContain('section s003 repeats itself');
    expect(first).toContain(sectionText(2).split('\n\n')[0]!.slice(0, 40));
    expect(last).toContain('(this section ends the document)');
    expect(last).toContain('section s003 repeats itself');
    expect(last).not.toContain('section s001 repeats itself');
    expect(last).toContain(sectionText(2).split('\n\n').at(-1)!.slice(0, 40));
    const records = await readRoundRewrites({ directory, round: 1 });
    expect(records.map((record) => [record.sectionId, record.before])).toEqual([
      ['s001', reviewPaths.before(1, '001-section-1')],
      ['s003', reviewPaths.before(1, '003-section-3')],
    ]);
  });

  it('drops a rewrite that leaves its findings, keeping the text, and stops after that round', async () => {
    const { result, events, directory } = await review({ model: reviewModel({ stubborn: true }) });
    expect(result.rounds).toBe(1);
    expect(result.sections[1]!.text).toBe(sectionText(2, true));
    expect(await readFile(join(directory, result.sections[1]!.file), 'utf8')).toBe(
      sectionText(2, true),
    );
    const [rewrite] = await readRoundRewrites({ directory, round: 1 });
    expect(rewrite).toMatchObject({ kept: false });
    expect(rewrite!.findingsAfter).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'rewrite-end', kept: false, findingsAfter: 1 });
  });

  it('shows the reviewer that no facts were recorded when it has none', async () => {
    const { model } = await review({ rounds: 1, model: reviewModel({ stubborn: true }) });
    expect(JSON.stringify(model.doStreamCalls[0]!.prompt)).toContain('(none recorded');
  });

  it('does nothing past a round that finds nothing to fix', async () => {
    const { result, events, stages, directory } = await review({
      texts: [sectionText(1), sectionText(2), sectionText(3)],
    });
    expect(result.rounds).toBe(1);
    expect(stages).toEqual(['review']);
    expect(events.map((event) => event.type)).toEqual(['review-start', 'review-end']);
    expect(await readRoundRewrites({ directory, round: 1 })).toEqual([]);
  });

  it('flags a section far outside its budget by rule, without the reviewer', async () => {
    const { directory } = await review({
      rounds: 1,
      texts: [sectionText(1), sectionText(2, true), prose(20, 3)],
      model: reviewModel({ stubborn: true }),
    });
    const round = await readRoundFindings({ directory, round: 1 });
    expect(round!.findings).toEqual([
      expect.objectContaining({ ruleId: 'review/repetition', location: { section: 's002' } }),
      expect.objectContaining({ ruleId: 'length/section-short', location: { section: 's003' } }),
    ]);
  });

  it('stops before a round when the budget is spent, saying why, with nothing called', async () => {
    const { result, model, events, directory } = await review({
      budgetStop: () => 'the token budget is spent',
    });
    expect(result).toMatchObject({ rounds: 0, stopReason: 'the token budget is spent' });
    expect(result.sections.map((section) => section.text)).toEqual([
      sectionText(1),
      sectionText(2, true),
      sectionText(3),
    ]);
    expect(model.doStreamCalls).toHaveLength(0);
    expect(events).toEqual([]);
    await expect(readFile(join(directory, reviewPaths.draft), 'utf8')).rejects.toThrow();
  });

  it('stops before a rewrite when the budget runs out after the review', async () => {
    let checks = 0;
    const { result, model, directory } = await review({
      budgetStop: () => (checks++ === 0 ? undefined : 'the token budget is spent'),
    });
    expect(result).toMatchObject({ rounds: 0, stopReason: 'the token budget is spent' });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(await readRoundFindings({ directory, round: 1 })).toBeDefined();
    expect(await readRoundRewrites({ directory, round: 1 })).toEqual([]);
  });

  it('resumes from its files: no round reviewed twice, a kept rewrite applied again', async () => {
    const first = await review({ rounds: 1 });
    expect(first.result.sections[1]!.text).toBe(fixed);
    // The section as it was before the kill committed the rewrite.
    const store = await RunStore.open(first.directory);
    await store.writeSection({ index: 1, slug: 's002', text: sectionText(2, true) });
    await store.close();

    const resumed = await review({ rounds: 1, directory: first.directory });
    expect(resumed.model.doStreamCalls).toHaveLength(0);
    expect(resumed.events).toEqual([]);
    expect(resumed.result.rounds).toBe(1);
    expect(resumed.result.sections[1]!.text).toBe(fixed);
    expect(await readFile(join(first.directory, resumed.result.sections[1]!.file), 'utf8')).toBe(
      fixed,
    );
  });
});
