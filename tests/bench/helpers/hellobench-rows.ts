import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HelloEvalResult } from '../../../src/bench/hellobench/hello-eval-result-schema.js';
import type { HellobenchItem } from '../../../src/bench/hellobench/hellobench-item.js';
import type { HellobenchResult } from '../../../src/bench/hellobench/hellobench-result-schema.js';
import type { HellobenchLength } from '../../../src/bench/hellobench/hellobench-subset.js';

/** Words asked for at each length of the length-constrained set. */
export const wordsAt: Record<HellobenchLength, number> = {
  '2k': 2000,
  '4k': 4000,
  '8k': 8000,
  '16k': 16000,
};

/** A HelloBench row: a story task whose instruction states `words` when given. */
export function hellobenchRow({
  id,
  category = 'story_writing',
  topic = 'a lighthouse keeper',
  words,
  checklists = 5,
}: {
  id: string;
  category?: string;
  topic?: string;
  words?: number;
  checklists?: number;
}): Record<string, unknown> {
  const length =
    words === undefined ? '' : `\n2. Ensure the story is no shorter than ${words} words.`;
  return {
    id,
    category,
    instruction: `You should write a story about ${topic}.\n[Requirements]:\n1. Keep a steady voice.${length}`,
    checklists: Array.from(
      { length: checklists },
      (_, index) => `Does the story meet point ${index}?`,
    ),
    num_checklist: checklists,
  };
}

/** Rows as a JSONL text. */
export function hellobenchJsonl(rows: Array<Record<string, unknown>>): string {
  return `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
}

/**
 * Writes a HelloBench folder in the repository's layout (`data/…`): the length-constrained
 * files for `lengths`, each with `tasks` tasks over two categories, and main-set files for
 * `mainTypes`, each with `tasks` tasks of no stated length. Returns the folder.
 */
export async function writeHellobenchFolder({
  root,
  lengths = ['2k', '4k', '8k', '16k'],
  mainTypes = ['chat', 'open_ended_qa'],
  tasks = 3,
}: {
  root: string;
  lengths?: HellobenchLength[];
  mainTypes?: string[];
  tasks?: number;
}): Promise<string> {
  const lengthDir = join(root, 'data', 'length_constrained_data');
  const mainDir = join(root, 'data', 'main_data');
  await mkdir(lengthDir, { recursive: true });
  await mkdir(mainDir, { recursive: true });
  const ids = Array.from({ length: tasks }, (_, index) => index);
  for (const length of lengths) {
    const rows = ids.map((index) =>
      hellobenchRow({
        id: `heuristic_text_generation_00${index}`,
        category: index % 2 === 0 ? 'story_writing' : 'keyword_writing',
        topic: `harbour number ${index}`,
        words: wordsAt[length],
      }),
    );
    await writeFile(
      join(lengthDir, `heuristic_text_generation_${length}.jsonl`),
      hellobenchJsonl(rows),
    );
  }
  for (const type of mainTypes) {
    const rows = ids.map((index) =>
      hellobenchRow({ id: `${type}_00${index}`, category: 'write', checklists: 7 }),
    );
    await writeFile(join(mainDir, `${type}.jsonl`), hellobenchJsonl(rows));
  }
  return root;
}

/** An item of the length-constrained set at `length`. */
export function hellobenchItem({
  index = 0,
  length = '2k',
  category = 'story_writing',
}: {
  index?: number;
  length?: HellobenchLength;
  category?: string;
}): HellobenchItem {
  const taskId = `heuristic_text_generation_00${index}`;
  const row = hellobenchRow({
    id: taskId,
    category,
    topic: `harbour number ${index}`,
    words: wordsAt[length],
  });
  return {
    id: `${taskId}-${length}`,
    taskId,
    subset: 'length-constrained',
    group: length,
    category,
    instruction: row.instruction as string,
    checklists: row.checklists as string[],
    required: wordsAt[length],
    file: `heuristic_text_generation_${length}.jsonl`,
    line: index + 1,
  };
}

/** A scored HelloEval judgement with the given score and weighting. */
export function helloEvalJudgement({
  score,
  weighting = 'published',
}: {
  score: number | null;
  weighting?: 'published' | 'equal';
}): HelloEvalResult {
  return {
    judge: 'mock-judge',
    status: score === null ? 'dropped' : 'scored',
    weighting,
    score,
    items: null,
    reason: score === null ? 'no usable reply' : null,
  };
}

/** A result line for an item, with the length and judgement given; the rest plausible. */
export function hellobenchResult({
  item,
  produced,
  S_l,
  lengthGate = 'within',
  helloEval = null,
}: {
  item: HellobenchItem;
  produced: number;
  S_l: number | null;
  lengthGate?: 'within' | 'short' | 'long' | null;
  helloEval?: HelloEvalResult | null;
}): HellobenchResult {
  return {
    id: item.id,
    taskId: item.taskId,
    subset: item.subset,
    group: item.group,
    category: item.category,
    line: item.line,
    instruction: item.instruction,
    mode: 'direct',
    model: 'sim',
    response: 'text',
    response_length: produced,
    required: item.required,
    S_l,
    lengthGate: item.required === null ? null : lengthGate,
    helloEval,
    usage: { inputTokens: 10, outputTokens: 20, cachedInputTokens: 0, calls: 1, failedAttempts: 0 },
    finishReason: 'stop',
    elapsedSeconds: 1,
    runDirectory: null,
    finishedAt: '2026-01-01T00:00:00.000Z',
  };
}
