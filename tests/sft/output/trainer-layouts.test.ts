import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { formatSftRecord } from '../../../src/sft/format-sft-record.js';
import { mergeParquetShapes, parquetShapeOf } from '../../../src/sft/output/parquet-shape.js';
import { writeSftFile } from '../../../src/sft/output/write-sft-file.js';
import { readSftInstructions } from '../../../src/sft/read-sft-instructions.js';
import type { SftFormat } from '../../../src/sft/sft-format.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { sftMetadata } from '../helpers/sft-metadata.js';

const tempDir = useTempDir();
const fixtures = new URL('../../fixtures/sft/', import.meta.url);

type Row = Record<string, unknown>;
type Turn = { role: string; content: string };

/** A `dataset_info.json` entry, as LLaMA-Factory's data guide documents it. */
interface DatasetInfo {
  formatting?: 'alpaca' | 'sharegpt';
  columns?: Partial<Record<'prompt' | 'query' | 'response' | 'messages', string>>;
  tags?: Partial<
    Record<'role_tag' | 'content_tag' | 'user_tag' | 'assistant_tag' | 'system_tag', string>
  >;
}

/**
 * A row as LLaMA-Factory's documented layouts read it: alpaca columns (the user turn is the
 * prompt column and the query column joined by a line break), or sharegpt turns under the
 * messages column, named by the tags (defaults: `from`, `value`, `human`, `gpt`, `system`), an
 * optional system turn first, then user turns at odd positions and assistant turns at even ones,
 * an even count. A row that breaks the layout is skipped there: here it throws.
 */
function loadLikeLlamaFactory(row: Row, info: DatasetInfo): Turn[] {
  const columns = info.columns ?? {};
  if ((info.formatting ?? 'alpaca') === 'alpaca') {
    const query = [row[columns.prompt ?? 'instruction'], row[columns.query ?? 'input']].filter(
      Boolean,
    );
    return [
      { role: 'user', content: query.join('\n') },
      { role: 'assistant', content: String(row[columns.response ?? 'output']) },
    ];
  }
  const tags = {
    role: info.tags?.role_tag ?? 'from',
    content: info.tags?.content_tag ?? 'value',
    user: info.tags?.user_tag ?? 'human',
    assistant: info.tags?.assistant_tag ?? 'gpt',
    system: info.tags?.system_tag ?? 'system',
  };
  let turns = row[columns.messages ?? 'conversations'] as Row[];
  if (turns[0]?.[tags.role] === tags.system) turns = turns.slice(1);
  if (turns.length % 2 !== 0) throw new Error('an odd number of turns');
  return turns.map((turn, index) => {
    const expected = index % 2 === 0 ? tags.user : tags.assistant;
    if (turn[tags.role] !== expected) throw new Error(`turn ${index + 1} is not ${expected}`);
    return { role: index % 2 === 0 ? 'user' : 'assistant', content: String(turn[tags.content]) };
  });
}

/**
 * A row as TRL's documented conversational language-modeling layout reads it: a `messages` list
 * of role/content turns, or the legacy `conversations` of from/value turns (human, gpt) that TRL
 * converts to it.
 */
function loadLikeTrl(row: Row): Turn[] {
  const legacy = Array.isArray(row.conversations);
  const turns = (legacy ? row.conversations : row.messages) as Row[];
  if (!Array.isArray(turns) || turns.length === 0) throw new Error('not conversational');
  const roles: Record<string, string> = { human: 'user', gpt: 'assistant' };
  return turns.map((turn) => {
    const role = String(legacy ? turn.from : turn.role);
    const content = legacy ? turn.value : turn.content;
    if (typeof content !== 'string') throw new Error('a turn without text content');
    return { role: roles[role] ?? role, content };
  });
}

async function datasetInfo(name: string): Promise<DatasetInfo> {
  const text = await readFile(new URL('llamafactory-dataset-info.json', fixtures), 'utf8');
  return (JSON.parse(text) as Record<string, DatasetInfo>)[name] as DatasetInfo;
}

const metadata = sftMetadata();
const pair = { prompt: 'Write a guide to the tides of the Severn.', response: 'The Severn bore…' };
const expected: Turn[] = [
  { role: 'user', content: pair.prompt },
  { role: 'assistant', content: pair.response },
];

/** A record of `format` written to JSONL and to Parquet, each read back as a trainer would. */
async function writtenAndReadBack(format: SftFormat): Promise<Row[]> {
  const dir = await tempDir();
  const record = formatSftRecord({ format, ...pair, reference: 'An older answer.', metadata });
  const jsonl = join(dir, 'data.jsonl');
  await writeFile(jsonl, `${JSON.stringify(record)}\n`);
  const parquet = join(dir, 'data.parquet');
  await writeSftFile({
    path: parquet,
    type: 'parquet',
    shape: mergeParquetShapes({ kind: 'null' }, parquetShapeOf(record)),
    records: (async function* () {
      yield record;
    })(),
  });
  const fromJsonl = JSON.parse((await readFile(jsonl, 'utf8')).trim()) as Row;
  const [fromParquet] = await parquetReadObjects({ file: await asyncBufferFromFile(parquet) });
  return [fromJsonl, fromParquet as Row];
}

describe("quire sft's output in the trainers' documented layouts", () => {
  it('messages: LLaMA-Factory (OpenAI layout) and TRL read the instruction and the answer', async () => {
    const info = await datasetInfo('quire_messages');
    for (const row of await writtenAndReadBack('messages')) {
      expect(loadLikeLlamaFactory(row, info)).toEqual(expected);
      expect(loadLikeTrl(row)).toEqual(expected);
    }
    // The same keys and turn keys as TRL's documented example, plus quire's own columns.
    const example = JSON.parse(
      await readFile(new URL('trl-conversational.jsonl', fixtures), 'utf8'),
    ) as Row;
    const [row = {}] = await writtenAndReadBack('messages');
    expect(Object.keys(row).sort()).toEqual(
      [...Object.keys(example), 'metadata', 'reference'].sort(),
    );
    expect(Object.keys((row.messages as Row[])[0] ?? {})).toEqual(
      Object.keys((example.messages as Row[])[0] ?? {}),
    );
  });

  it('sharegpt: LLaMA-Factory (default tags) and TRL (legacy conversations) read it', async () => {
    const info = await datasetInfo('quire_sharegpt');
    for (const row of await writtenAndReadBack('sharegpt')) {
      expect(loadLikeLlamaFactory(row, info)).toEqual(expected);
      expect(loadLikeTrl(row)).toEqual(expected);
    }
  });

  it('alpaca: LLaMA-Factory reads the instruction, empty input and output', async () => {
    const info = await datasetInfo('quire_alpaca');
    for (const row of await writtenAndReadBack('alpaca')) {
      expect(loadLikeLlamaFactory(row, info)).toEqual(expected);
    }
  });

  it('quire sft reads its own output back: the same instruction, the answer as reference', async () => {
    for (const format of ['messages', 'alpaca', 'sharegpt'] as const) {
      const cwd = await tempDir();
      const record = formatSftRecord({ format, ...pair, metadata });
      await writeFile(join(cwd, 'data.jsonl'), `${JSON.stringify(record)}\n`);
      const file = await readSftInstructions({ path: 'data.jsonl', cwd });
      expect(file.inputFormat).toBe(format);
      const instructions = [];
      for await (const instruction of file.read()) instructions.push(instruction);
      expect(instructions[0]).toMatchObject({ prompt: pair.prompt, reference: pair.response });
    }
  });
});
