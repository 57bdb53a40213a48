import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandLine } from './quote-argument.mjs';
import { runQuire } from './run-quire.mjs';
import { simServeCommand, withSimServer } from './sim-process.mjs';

/** The request every length-adaptation run writes. */
export const lengthRequest = 'Write a guide to the lighthouses of the Atlantic coast';

/**
 * quire's adaptive length control against the earlier fixed-attempt behaviour, on models that
 * stop at N words per reply whatever they are asked (`quire sim serve --ceiling N`). Per
 * ceiling and size: one `quire write` with the default `write.lengthPolicy` (`adaptive`) and one
 * with `fixed` (set in a config file: the same code, the earlier policy: a fixed number of
 * repairs, no division of sections), each against its own server. Reported per run: the
 * document's words and S_l (from its report.json), the status and exit code, and the calls the
 * server answered (run.json). Latency does not change any of these, so the servers have none.
 */
export async function measureLengthAdaptation({ ceilings, sizes, workDirectory }) {
  await writeFile(
    join(workDirectory, 'fixed-length.json'),
    `${JSON.stringify({ write: { lengthPolicy: 'fixed' } })}\n`,
  );
  const rows = [];
  for (const ceiling of ceilings) {
    const flags = ['--ceiling', String(ceiling), '--seed', '1'];
    for (const words of sizes) {
      const row = { ceiling, words, server: simServeCommand(flags), policies: {} };
      for (const policy of ['adaptive', 'fixed']) {
        row.policies[policy] = await withSimServer(flags, (url) =>
          writeOnce({ url, words, policy, ceiling, workDirectory }),
        );
      }
      rows.push(row);
      const { adaptive, fixed } = row.policies;
      console.log(
        `  ceiling ${ceiling}, ${words} words: adaptive S_l ${adaptive.lengthScore} in ${adaptive.calls} calls (exit ${adaptive.exitCode}), fixed S_l ${fixed.lengthScore} in ${fixed.calls} calls (exit ${fixed.exitCode})`,
      );
    }
  }
  return { request: lengthRequest, rows };
}

async function writeOnce({ url, words, policy, ceiling, workDirectory }) {
  const out = `length-${ceiling}-${words}-${policy}`;
  const args = [
    ...['write', lengthRequest, '--words', String(words), '--out', out],
    ...(policy === 'fixed' ? ['--config', 'fixed-length.json'] : []),
  ];
  const model = ['--model', 'openai:sim', '--base-url'];
  const run = await runQuire({
    args: [...args, ...model, url],
    cwd: workDirectory,
    env: { OPENAI_API_KEY: 'sim' },
  });
  const read = async (name) =>
    JSON.parse(await readFile(join(workDirectory, out, name), 'utf8').catch(() => 'null'));
  const info = await read('run.json');
  const report = await read('report.json');
  if (info === null) {
    throw new Error(`the ${policy} run at ceiling ${ceiling} left no run.json: ${run.stderr}`);
  }
  return {
    exitCode: run.code,
    status: info.status,
    documentWords: report?.words ?? 0,
    lengthScore: Number((report?.scores.length ?? 0).toFixed(1)),
    calls: info.usage.calls,
    sections: JSON.parse(
      await readFile(join(workDirectory, out, 'plan.json'), 'utf8').catch(() => '{"sections":[]}'),
    ).sections.length,
    wordsPerReply: info.capacity?.recent.at(-1) ?? null,
    command: commandLine([...args, ...model, '<sim-url>']),
  };
}
