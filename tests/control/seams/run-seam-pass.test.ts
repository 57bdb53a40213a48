import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEventInput } from '../../../src/control/run-events.js';
import { checkSeams, renderSeam } from '../../../src/control/seams/check-seams.js';
import { runSeamPass } from '../../../src/control/seams/run-seam-pass.js';
import { readReviewText, readSeamPass, seamPaths } from '../../../src/store/review-files.js';
import { RunStore } from '../../../src/store/run-store.js';
import { createPlan, createTask } from '../../helpers/builders.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { type PromptCall, promptModel, prose, wordsAsked } from '../../helpers/prompt-model.js';
import { writeSections } from '../../helpers/run-on-disk.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();
const words = 120;
/** A word the fake checker flags in a later section's opening: the planted bad seam. */
const defect = 'Zanzibar';
const settings = { lengthTolerance: 0.15, maxOverlap: 0.2 };
const plan = createPlan({ count: 4, words });
const call = (model: ReturnType<typeof seamModel>) => ({
  model,
  clock: createFakeClock(),
  retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
});

/** A section of two paragraphs, its opening holding the defect when asked. */
function sectionText(seed: number, planted = false): string {
  const opening = `${prose(40, seed)}${planted ? ` ${defect} again.` : ''}`;
  return `${opening}\n\n${prose(words - 40, seed + 50)}`;
}

const newOpening = prose(40, 99);

/**
 * A checker that flags (twice, and once at a seam it was not shown) each seam whose later
 * opening holds the defect, and a repairer that writes `newOpening`, or the opening unchanged
 * when `stubborn`.
 */
function seamModel({
  stubborn = false,
  opening = newOpening,
}: {
  stubborn?: boolean;
  /** What the repairer writes in place of a flagged opening. */
  opening?: string;
} = {}) {
  return promptModel((call: PromptCall) => {
    if (!call.json) {
      const current = /<current-opening>\n([\s\S]*?)\n<\/current-opening>/.exec(call.prompt)?.[1];
      return { text: stubborn ? (current ?? '') : opening };
    }
    const seams = [
      ...call.prompt.matchAll(/<seam number="(\d+)">[\s\S]*?<later[^>]*>([\s\S]*?)<\/later>/g),
    ];
    const flagged = seams.filter(([, , text]) => text!.includes(defect)).map(([, n]) => Number(n));
    const finding = (seam: number) => ({
      seam,
      rule: 'transition',
      message: 'it restarts the story',
      severity: 'error',
    });
    return {
      text: JSON.stringify({
        seams: seams.map(([, n]) => Number(n)),
        findings: [...flagged.map(finding), ...flagged.map(finding), finding(40)],
      }),
    };
  });
}

async function seamPass({
  texts = [sectionText(1), sectionText(2, true), sectionText(3), sectionText(4, true)],
  seams = [1, 2, 3],
  model = seamModel(),
  parallel = 2,
  facts = [] as string[],
  budgetStop = () => undefined as string | undefined,
  directory,
}: {
  texts?: string[];
  seams?: number[];
  model?: ReturnType<typeof seamModel>;
  parallel?: number;
  facts?: string[];
  budgetStop?: () => string | undefined;
  directory?: string;
} = {}) {
  const folder = directory ?? (await tempDir());
  const store = await RunStore.open(folder);
  try {
    if (directory === undefined) await writeSections({ store, plan, texts });
    const events: RunEventInput[] = [];
    const result = await runSeamPass({
      task: createTask({ words: plan.words }),
      plan,
      store,
      sections: await store.readSections(),
      seams,
      call: call(model),
      settings,
      facts,
      parallel,
      budgetStop,
      emit: async (event) => {
        events.push(event);
      },
    });
    return { result, events, model, directory: folder };
  } finally {
    await store.close();
  }
}

const repaired = (seed: number) => sectionText(seed, true).replace(/^[^\n]+/, newOpening);

describe('runSeamPass', () => {
  it('repairs the openings at the flagged seams only, keeping what the recheck clears', async () => {
    const { result, events, model, directory } = await seamPass({ facts: ['Toll: 3 pence.'] });
    expect('stopReason' in result).toBe(false);
    expect(result.sections.map((section) => section.text)).toEqual([
      sectionText(1),
      repaired(2),
      sectionText(3),
      repaired(4),
    ]);
    expect(await readFile(join(directory, result.sections[3]!.file), 'utf8')).toBe(repaired(4));

    const stored = await readSeamPass({ directory });
    expect(stored!.findings.seams).toEqual([1, 2, 3]);
    expect(stored!.findings.calls).toBe(1);
    // One finding per flagged seam, named by both sections, pointing at the later one.
    expect(stored!.findings.findings).toEqual([
      {
        evaluator: 'seam',
        ruleId: 'seam/transition',
        message: 'where s001 "Section 1" meets s002 "Section 2": it restarts the story',
        severity: 'error',
        location: { section: 's002' },
      },
      expect.objectContaining({ location: { section: 's004' } }),
    ]);
    // Two repairs at once: their outcomes are kept in the order they finished.
    const repairs = stored!.repairs.toSorted((left, right) => left.index - right.index);
    expect(repairs.map((record) => [record.index, record.kept])).toEqual([
      [1, true],
      [3, true],
    ]);
    const record = repairs[0]!;
    expect(record.findingsBefore).toEqual([stored!.findings.findings[0]]);
    expect(record.findingsAfter).toEqual([]);
    expect(await readReviewText({ directory, name: record.before })).toBe(sectionText(2, true));
    expect(await readReviewText({ directory, name: record.after })).toBe(repaired(2));
    expect(record.before).toBe(seamPaths.before('002-section-2'));

    expect(events[0]).toMatchObject({
      type: 'seam-check-end',
      seams: 3,
      findings: 2,
      flagged: ['s002', 's004'],
      calls: 1,
    });
    expect(events.slice(1)).toHaveLength(2);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'seam-repair-end',
        sectionId: 's002',
        index: 1,
        earlierId: 's001',
        kept: true,
        findingsBefore: 1,
        findingsAfter: 0,
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'seam-repair-end', sectionId: 's004', earlierId: 's003' }),
    );
    // The check, then per repair its rewrite and its recheck at that seam only.
    const prompts = model.doStreamCalls.map((each) => JSON.stringify(each.prompt));
    expect(prompts).toHaveLength(5);
    expect(prompts[0]).toContain('Toll: 3 pence.');
    const rewrites = prompts.filter((prompt) => prompt.includes('<current-opening>'));
    expect(rewrites).toHaveLength(2);
    const rewriteOf = (earlier: string) =>
      rewrites.find((prompt) => prompt.includes(`seam/transition: where ${earlier}`));
    expect(rewriteOf('s001')).toContain('Toll: 3 pence.');
    expect(rewriteOf('s003')).toBeDefined();
  });

  it('keeps a section whose repaired opening still fails at its seam', async () => {
    const { result, events, directory } = await seamPass({ model: seamModel({ stubborn: true }) });
    expect(result.sections.map((section) => section.text)).toEqual([
      sectionText(1),
      sectionText(2, true),
      sectionText(3),
      sectionText(4, true),
    ]);
    const stored = await readSeamPass({ directory });
    expect(stored!.repairs.every((record) => !record.kept)).toBe(true);
    expect(stored!.repairs[0]!.findingsAfter).toHaveLength(1);
    expect(events.filter((event) => event.type === 'seam-repair-end')).toHaveLength(2);
  });

  it('checks nothing and calls nothing when there are no seams', async () => {
    const { result, events, model, directory } = await seamPass({ seams: [] });
    expect(model.doStreamCalls).toHaveLength(0);
    expect(result.sections).toHaveLength(4);
    expect(events).toEqual([
      expect.objectContaining({ type: 'seam-check-end', seams: 0, findings: 0, calls: 0 }),
    ]);
    expect((await readSeamPass({ directory }))!.repairs).toEqual([]);
  });

  it('stops before the check when the budget is spent, saying why', async () => {
    const { result, events, model, directory } = await seamPass({
      budgetStop: () => 'the token budget is spent',
    });
    expect(result.stopReason).toBe('the token budget is spent');
    expect(result.sections[1]!.text).toBe(sectionText(2, true));
    expect(model.doStreamCalls).toHaveLength(0);
    expect(events).toEqual([]);
    expect(await readSeamPass({ directory })).toBeUndefined();
  });

  it('stops before a repair when the budget runs out after the check', async () => {
    let checks = 0;
    const { result, model, events } = await seamPass({
      parallel: 1,
      budgetStop: () => (checks++ < 2 ? undefined : 'the token budget is spent'),
    });
    expect(result.stopReason).toBe('the token budget is spent');
    // The check, then the first repair and its recheck: the second repair never starts.
    expect(model.doStreamCalls).toHaveLength(3);
    expect(result.sections.map((section) => section.text)).toEqual([
      sectionText(1),
      repaired(2),
      sectionText(3),
      sectionText(4, true),
    ]);
    expect(events.map((event) => event.type)).toEqual(['seam-check-end', 'seam-repair-end']);
  });

  it('repairs on resume the seams a spent budget left, and only those', async () => {
    let checks = 0;
    const first = await seamPass({
      parallel: 1,
      budgetStop: () => (checks++ < 2 ? undefined : 'the token budget is spent'),
    });
    const resumed = await seamPass({ directory: first.directory });
    expect(resumed.result.sections[1]!.text).toBe(repaired(2));
    // The second repair and its recheck only: the first seam is not repaired again.
    expect(resumed.model.doStreamCalls).toHaveLength(2);
    expect(resumed.events).toEqual([
      expect.objectContaining({ type: 'seam-repair-end', sectionId: 's004' }),
    ]);
  });

  it('weighs the rule-based checks of the repaired section beside its seam', async () => {
    // Too short before the repair (a seam error and a length warning), still short after it
    // (the length warning alone): fewer findings, so the repair is kept.
    const short = `${prose(40, 2)} ${defect} again.`;
    const kept = await seamPass({
      texts: [sectionText(1), short, sectionText(3), sectionText(4)],
      seams: [1],
    });
    const [record] = (await readSeamPass({ directory: kept.directory }))!.repairs;
    expect(record!.findingsBefore.map((finding) => finding.ruleId)).toEqual([
      'seam/transition',
      'length/section-short',
    ]);
    expect(record!.findingsAfter.map((finding) => finding.ruleId)).toEqual([
      'length/section-short',
    ]);
    expect(record!.kept).toBe(true);
    expect(kept.result.sections[1]!.text).toBe(newOpening);
  });

  it('keeps the section, now and on resume, when its repair breaks a rule-based check', async () => {
    // An opening that clears the seam but makes the section far longer than its budget.
    const { result, events, directory } = await seamPass({
      model: seamModel({ opening: prose(200, 7) }),
      seams: [1],
    });
    const [record] = (await readSeamPass({ directory }))!.repairs;
    expect(record!.findingsAfter.map((finding) => finding.ruleId)).toEqual(['length/section-long']);
    expect(record!.kept).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'seam-repair-end', kept: false, findingsAfter: 1 });
    expect(result.sections[1]!.text).toBe(sectionText(2, true));
    expect(await readReviewText({ directory, name: record!.after })).not.toBe(sectionText(2, true));

    const resumed = await seamPass({ directory });
    expect(resumed.model.doStreamCalls).toHaveLength(0);
    expect(resumed.result.sections[1]!.text).toBe(sectionText(2, true));
  });

  it('shows the repairer the end of the section before, and asks for an opening as long', async () => {
    // The earlier section ends in one paragraph longer than the repairer is shown.
    const long = prose(300, 11).replaceAll('\n\n', ' ');
    const sentences = long.split(/(?<=\.) /);
    const { model } = await seamPass({
      texts: [`${prose(40, 1)}\n\n${long}`, sectionText(2, true), sectionText(3), sectionText(4)],
      seams: [1],
    });
    const rewrite = model.doStreamCalls
      .map((each) => JSON.stringify(each.prompt))
      .find((prompt) => prompt.includes('<current-opening>'))!;
    const ending = /<ending>\\n([\s\S]*?)\\n<\/ending>/.exec(rewrite)![1]!;
    expect(ending.endsWith(sentences.at(-1)!)).toBe(true);
    expect(ending).not.toContain(sentences[0]);
    // The opening replaced holds 42 words: the new one is asked for as many.
    expect(wordsAsked(rewrite)).toBe(42);
  });

  it('resumes from its files: no seam checked or repaired twice, a kept repair applied again', async () => {
    const first = await seamPass();
    const store = await RunStore.open(first.directory);
    await store.writeSection({ index: 1, slug: 's002', text: sectionText(2, true) });
    await store.close();

    const resumed = await seamPass({ directory: first.directory });
    expect(resumed.model.doStreamCalls).toHaveLength(0);
    expect(resumed.events).toEqual([]);
    expect(resumed.result.sections[1]!.text).toBe(repaired(2));
    expect(await readFile(join(first.directory, resumed.result.sections[1]!.file), 'utf8')).toBe(
      repaired(2),
    );
  });
});

describe('checkSeams', () => {
  const texts = plan.sections.map((_, index) => sectionText(index + 1, true));
  const seams = Array.from({ length: 13 }, (_, index) => (index % 3) + 1);

  it('shares the seams out over at most the calls allowed, six to a call at most', async () => {
    const spread = async (calls: number) => {
      const model = seamModel();
      const checked = await checkSeams({
        call: call(model),
        request: 'Write about tides',
        plan,
        texts,
        seams,
        facts: [],
        calls,
      });
      const shown = model.doStreamCalls.map(
        (each) => JSON.stringify(each.prompt).match(/<seam number/g)?.length,
      );
      return { checked, shown };
    };
    expect((await spread(1)).shown).toEqual([13]);
    const three = await spread(5);
    expect(three.shown).toEqual([5, 5, 3]);
    expect(three.checked.calls).toBe(3);
    expect(three.checked.findings).toHaveLength(3);
    expect(three.checked.usage.inputTokens).toBe(30);
    expect((await spread(0)).shown).toEqual([13]);
  });

  it('asks for the seams reply by name, the seams of a call a blank line apart', async () => {
    const model = seamModel();
    await checkSeams({
      call: call(model),
      request: 'Write about tides',
      plan,
      texts,
      seams: [1, 2],
      facts: [],
    });
    const [only] = model.doStreamCalls;
    expect(only!.responseFormat).toMatchObject({ type: 'json', name: 'seams' });
    expect(JSON.stringify(only!.prompt)).toContain(
      JSON.stringify('</seam>\n\n<seam number="2">').slice(1, -1),
    );
  });
});

describe('renderSeam', () => {
  it('shows the end of the earlier section and the opening of the later, with brief gists', () => {
    const longBrief = Array.from({ length: 30 }, (_, index) => `word${index}`).join(' ');
    const seamPlan = createPlan({
      count: 2,
      sections: [{ title: 'The "old" harbour', brief: longBrief }, { brief: '  Short brief. ' }],
    });
    const rendered = renderSeam({
      plan: seamPlan,
      texts: ['# Heading\n\nFirst part. Second part.\n\nLast sentence here.', 'Opening line.'],
      index: 1,
    });
    expect(rendered).toBe(
      [
        '<seam number="1">',
        `<earlier id="s001" title="The 'old' harbour" brief="${longBrief.split(' ').slice(0, 25).join(' ')}…">`,
        'Last sentence here.',
        '</earlier>',
        '<later id="s002" title="Section 2" brief="Short brief.">',
        'Opening line.',
        '</later>',
        '</seam>',
      ].join('\n'),
    );
  });

  it('reads about 60 words at each edge: the last sentences before, the first after', () => {
    const ending = prose(72, 5).replaceAll('\n\n', ' ');
    const opening = prose(72, 6).replaceAll('\n\n', ' ');
    const sentences = (text: string) => text.split(/(?<=\.) /);
    const rendered = renderSeam({
      plan: createPlan({ count: 2 }),
      texts: [`${prose(30, 4)}\n\n${ending}`, `${opening}\n\n${prose(30, 7)}`],
      index: 1,
    });
    const [, earlier, later] = /<earlier[^>]*>\n(.*)\n<\/earlier>\n<later[^>]*>\n(.*)\n/.exec(
      rendered,
    )!;
    expect(earlier).toBe(sentences(ending).slice(1).join(' '));
    expect(later).toBe(sentences(opening).slice(0, -1).join(' '));
  });

  it('cuts a brief to its first 25 words however it is spaced, and keeps one of 25 whole', () => {
    const words = Array.from({ length: 30 }, (_, index) => `word${index}`);
    const gistOf = (brief: string) =>
      /<later[^>]* brief="([^"]*)">/.exec(
        renderSeam({
          plan: createPlan({ count: 2, sections: [{}, { brief }] }),
          texts: ['End.', 'Start.'],
          index: 1,
        }),
      )![1];
    expect(gistOf(`\n  ${words.join('  \n')}`)).toBe(`${words.slice(0, 25).join(' ')}…`);
    expect(gistOf(words.slice(0, 25).join(' '))).toBe(words.slice(0, 25).join(' '));
  });
});
