import { MockLanguageModelV3 } from 'ai/test';
import { type ToolTurn, toolTurnStream } from './tool-model.js';

/** Paths an adversarial model might try: ordinary ones, and every kind of escape. */
const paths = [
  'src/index.js',
  'test/index.test.js',
  'notes.md',
  '../escaped.js',
  '../../escaped.js',
  '/tmp/escaped.js',
  '/etc/passwd',
  'a/../../escaped.js',
  'outside-link/escaped.js',
  `${'deep/'.repeat(120)}x.js`,
  'nul\0byte.js',
  'C:\\escaped.js',
  '~/escaped.js',
];

/** A small deterministic generator (mulberry32), so a failing seed can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A model that answers every call with random but schema-valid output: a valid plan for the
 * planner, a random tool call with random (often hostile) paths for each step turn, and a note
 * for the summariser. It never intends to finish anything.
 */
export function randomToolModel({
  seed,
  plan,
}: {
  seed: number;
  plan: unknown;
}): MockLanguageModelV3 {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const somePaths = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(paths));
  const inputs: Record<string, () => unknown> = {
    list_files: () => (random() < 0.5 ? {} : { directory: pick(paths) }),
    read_files: () => ({ paths: somePaths() }),
    write_files: () => ({
      files: somePaths().map((path) => ({
        path,
        content: random() < 0.5 ? 'export const x = 1;\n' : 'syntax error here (',
      })),
    }),
    delete_files: () => ({ paths: somePaths() }),
    run_tests: () => (random() < 0.7 ? {} : { paths: somePaths() }),
    step_complete: () => ({ summary: 'done, probably' }),
  };
  return new MockLanguageModelV3({
    modelId: `random-${seed}`,
    doStream: async (options) => {
      const tools = (options.tools ?? []).map((each) => each.name);
      let turn: ToolTurn;
      if (options.responseFormat?.type === 'json') turn = { text: JSON.stringify(plan) };
      else if (tools.length === 0) turn = { text: 'Nothing much happened.' };
      else {
        const toolName = pick(tools);
        turn = { toolCalls: [{ toolName, input: inputs[toolName]?.() ?? {} }] };
      }
      return toolTurnStream(turn);
    },
  });
}
