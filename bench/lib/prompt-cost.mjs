import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandLine } from './quote-argument.mjs';
import { expectSuccess, runQuire } from './run-quire.mjs';
import { simServeCommand, withSimServer } from './sim-process.mjs';

/** The request every prompt-cost run writes, at each size. */
export const promptCostRequest = 'Write a guide to the tides and harbours of the North Atlantic';
const simFlags = ['--seed', '1'];

/**
 * Prompt cost of `bounded` against `full` (AgentWrite's all-previous-text baseline) on the same
 * plan, at each size in `sizes` (words). Per size: one plan made by the model and saved (a run
 * stopped by `--max-tokens 1` right after planning), then one run per policy that writes that
 * plan (`--plan`), so the two differ only in what each step sees. Token counts are what the
 * server reported (run.json); the stable prefix comes from the step-start events (`stableTokens`
 * of `contextTokens`, quire's estimate). Latency does not change token counts, so the server
 * runs with none.
 */
export async function measurePromptCost({ sizes, workDirectory }) {
  return withSimServer(simFlags, async (url) => {
    const server = simServeCommand(simFlags);
    const env = { OPENAI_API_KEY: 'sim' };
    const model = ['--model', 'openai:sim', '--base-url', url];
    const shown = ['--model', 'openai:sim', '--base-url', '<sim-url>'];
    const rows = [];
    for (const words of sizes) {
      const planArgs = ['write', promptCostRequest, '--words', String(words), '--max-tokens', '1'];
      const planOut = ['--out', `plan-${words}`];
      const planned = await runQuire({
        args: [...planArgs, ...model, ...planOut],
        cwd: workDirectory,
        env,
      });
      const planFile = join(`plan-${words}`, 'plan.json');
      const plan = JSON.parse(
        await readFile(join(workDirectory, planFile), 'utf8').catch(() => {
          throw new Error(`planning ${words} words left no plan.json: ${planned.stderr.trim()}`);
        }),
      );
      const size = {
        words,
        sections: plan.sections.length,
        planCommand: commandLine([...planArgs, ...shown, ...planOut]),
        policies: {},
      };
      for (const policy of ['bounded', 'full']) {
        const args = [
          ...['write', promptCostRequest, '--words', String(words), '--plan', planFile],
          ...['--context', policy, '--json', '--out', `${policy}-${words}`],
        ];
        const run = await runQuire({ args: [...args, ...model], cwd: workDirectory, env });
        expectSuccess(run, `the ${policy} run of ${words} words`);
        const info = JSON.parse(
          await readFile(join(workDirectory, `${policy}-${words}`, 'run.json'), 'utf8'),
        );
        size.policies[policy] = summarise({
          info,
          events: run.events,
          command: commandLine([...args, ...shown]),
        });
      }
      const { bounded, full } = size.policies;
      size.fullToBoundedInput = round(full.inputTokens / bounded.inputTokens, 2);
      rows.push(size);
      console.log(
        `  ${words} words: bounded ${bounded.inputTokens} in / ${bounded.outputTokens} out, full ${full.inputTokens} in / ${full.outputTokens} out (${size.fullToBoundedInput}× the input)`,
      );
    }
    return { server, request: promptCostRequest, sizes: rows };
  });
}

function summarise({ info, events, command }) {
  const steps = events.filter((event) => event.type === 'step-start' && event.contextTokens > 0);
  const contextTokens = sum(steps.map((event) => event.contextTokens));
  const stableTokens = sum(steps.map((event) => event.stableTokens));
  const result = events.find((event) => event.type === 'result');
  const { usage } = info;
  return {
    documentWords: result?.words,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    inputPerOutput: round(usage.inputTokens / usage.outputTokens, 3),
    cachedInputTokens: usage.cachedInputTokens,
    cachedShare: round(usage.cachedInputTokens / usage.inputTokens, 3),
    stablePrefixShare: round(stableTokens / contextTokens, 3),
    largestPromptTokens: Math.max(...steps.map((event) => event.contextTokens)),
    trimmedSteps: steps.filter((event) => event.trimmed.length > 0).length,
    calls: usage.calls,
    command,
  };
}

function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}

function round(value, digits) {
  return Number(value.toFixed(digits));
}
