import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { runFormatVersion } from '../../src/store/run-info-schema.js';
import { runMain } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { type BadInput, expectRefusal } from './helpers/bad-input-case.js';

const tempDir = useTempDir();
let busyServer: SimServer;
beforeAll(async () => {
  busyServer = await startSimServer({ port: 0 });
});
afterAll(() => busyServer.close());

const latin1 = Buffer.from('{"prompt": "Caf\xe9 culture"}', 'latin1');
const utf16 = Buffer.from('\uFEFF{"prompt": "Tides"}', 'utf16le');
const hugeRequest = JSON.stringify({ prompt: 'tide '.repeat(60_000) });
const hugeSpec = 'Build a ledger service with accounts and transfers. '.repeat(2_000);
const newerRun = JSON.stringify({ version: runFormatVersion + 1, task: { kind: 'prose' } });
const damagedRun = '{"version": 1, "status": ';
const document = 'The tides of the North Sea rise twice a day along the shore.\n';

const cases: Record<string, BadInput> = {
  // quire write
  'write: an empty request': { args: ['write', '  '], message: /The request is empty/ },
  'write: no request at all': { args: ['write'], message: /The request is empty/ },
  'write: --words 0': {
    args: ['write', 'x', '--words', '0'],
    message: /--words must be a positive whole number, got "0"/,
  },
  'write: negative --words': {
    args: ['write', 'x', '--words', '-3'],
    message: /--words must be a positive whole number/,
  },
  'write: non-numeric --words': {
    args: ['write', 'x', '--words', 'many'],
    message: /--words must be a positive whole number, got "many"/,
  },
  'write: fractional --max-tokens': {
    args: ['write', 'x', '--max-tokens', '1.5'],
    message: /--max-tokens must be a positive whole number, got "1\.5"/,
  },
  'write: non-numeric --max-cost': {
    args: ['write', 'x', '--max-cost', 'abc'],
    message: /--max-cost must be a positive number, got "abc"/,
  },
  'write: an unknown --context': {
    args: ['write', 'x', '--context', 'all'],
    message: /Allowed choices are bounded, full/,
  },
  'write: a one-letter --lang': {
    args: ['write', 'x', '--lang', 'x'],
    message: /The task is not valid \(lang: .*\): check --lang/,
  },
  'write: a huge request': {
    args: ['write', '--task', 'task.json'],
    files: { 'task.json': hugeRequest },
    message:
      /The request is about 75,000 tokens, more than half of the model's 128,000-token context window/,
  },
  'write: a missing --task file': {
    args: ['write', '--task', 'nope.json'],
    message: /task file nope\.json does not exist/,
  },
  'write: a --task that is a folder': {
    args: ['write', '--task', 'folder'],
    files: { 'folder/': '' },
    message: /The task file folder is a directory, not a file: pass a file/,
  },
  'write: invalid JSON in --task': {
    args: ['write', '--task', 'task.json'],
    files: { 'task.json': '{\n  "prompt": "x",\n  words: 5\n}' },
    message: /task file task\.json is not valid JSON at line 3, column 3/,
  },
  'write: a --task without a prompt': {
    args: ['write', '--task', 'task.json'],
    files: { 'task.json': '{"words": 500}' },
    message: /task file task\.json is not a valid task \(prompt: .*\): it needs \{"prompt"/,
  },
  'write: a Latin-1 --task file': {
    args: ['write', '--task', 'task.json'],
    files: { 'task.json': latin1 },
    message: /task file task\.json is not UTF-8 text \(byte 0xe9 at offset 15, line 1\)/,
  },
  'write: a UTF-16 --task file': {
    args: ['write', '--task', 'task.json'],
    files: { 'task.json': utf16 },
    message: /task file task\.json is not UTF-8 text \(byte 0xff at offset 0/,
  },
  'write: a missing --plan file': {
    args: ['write', 'x', '--plan', 'nope.json'],
    message: /plan file nope\.json does not exist/,
  },
  'write: invalid JSON in --plan': {
    args: ['write', 'x', '--plan', 'plan.json'],
    files: { 'plan.json': '{"title": "x", "sections": [}' },
    message: /plan file plan\.json is not valid JSON at line 1, column 29/,
  },
  'write: invalid JSON in --constraints': {
    args: ['write', 'x', '--constraints', 'constraints.json'],
    files: { 'constraints.json': '{oops' },
    message: /Constraints file constraints\.json is not valid JSON at line 1, column 2/,
  },
  'write: an unknown model': {
    args: ['write', 'x', '--model', 'claude'],
    message: /Unknown model "claude"/,
  },
  'write: a bad sim option': {
    args: ['write', 'x', '--model', 'sim:ttft=soon'],
    message: /sim option ttft=soon is not valid/,
  },
  'write: openai without a key': {
    args: ['write', 'x', '--model', 'openai:gpt-4o-mini'],
    message: /OPENAI_API_KEY.*--base-url.*--model sim/,
  },
  'write: anthropic without a key': {
    args: ['write', 'x', '--model', 'anthropic:claude-sonnet-4-5'],
    env: { OPENAI_API_KEY: 'sk-test' },
    message:
      /No API key for model "anthropic:claude-sonnet-4-5": set ANTHROPIC_API_KEY, or use --model sim/,
  },
  'write: google without a key': {
    args: ['write', 'x', '--model', 'google:gemini-2.5-flash'],
    message: /set GOOGLE_GENERATIVE_AI_API_KEY/,
  },
  'write: a stage model without its key': {
    args: ['write', 'x', '--config', 'quire.json'],
    files: { 'quire.json': '{"stages": {"planner": "anthropic:claude-opus-4-5"}}' },
    message: /No API key for model "anthropic:claude-opus-4-5": set ANTHROPIC_API_KEY/,
  },
  'write: a provider spec without a model id': {
    args: ['write', 'x', '--model', 'ollama:'],
    message: /names no model: write ollama:<model-id>, e.g\. ollama:llama3\.1:8b/,
  },
  'write: a --base-url that is not a URL': {
    args: ['write', 'x', '--model', 'openai:gpt-4o-mini', '--base-url', 'not a url'],
    env: { OPENAI_API_KEY: 'sk-test' },
    message: /baseUrl: Invalid URL/,
  },
  'write: invalid JSON in --config': {
    args: ['write', 'x', '--config', 'quire.json'],
    files: { 'quire.json': '{"model": }' },
    message: /Config file quire\.json is not valid JSON \(line 1, column 11\)/,
  },
  'write: an unknown config key': {
    args: ['write', 'x', '--config', 'quire.json'],
    files: { 'quire.json': '{"modle": "sim"}' },
    message: /Invalid configuration in quire\.json: modle: unknown key/,
  },
  'write: a Latin-1 --config file': {
    args: ['write', 'x', '--config', 'quire.json'],
    files: { 'quire.json': Buffer.from('{"outDir": "r\xe9sultats"}', 'latin1') },
    message: /Config file quire\.json is not UTF-8 text \(byte 0xe9/,
  },
  'write: an --out that exists and is not a run': {
    args: ['write', 'x', '--out', 'notes'],
    files: { 'notes/todo.txt': 'keep me' },
    message: /--out notes exists and is not a quire run/,
  },
  'write: an --out that cannot be written': {
    args: ['write', 'x', '--out', 'locked/run'],
    files: { 'locked/': '' },
    readOnly: ['locked'],
    message: /Cannot create the run directory .*locked\/run .*choose a writable --out/,
  },
  'write: an --out holding a run from a newer quire': {
    args: ['write', 'x', '--out', 'run'],
    files: { 'run/run.json': newerRun },
    message: /run was written by a newer quire \(run format \d+, this quire reads \d+\)/,
  },
  // quire resume
  'resume: a directory that is not a run': {
    args: ['resume', '.'],
    message: /is not a quire run \(no run\.json\)/,
  },
  'resume: a directory that does not exist': {
    args: ['resume', 'nowhere'],
    message: /nowhere is not a quire run/,
  },
  'resume: a run from a newer quire': {
    args: ['resume', 'run'],
    files: { 'run/run.json': newerRun },
    message: /was written by a newer quire .*upgrade quire to continue it/,
  },
  'resume: a --words that is not a positive whole number': {
    args: ['resume', 'run', '--words', '0'],
    message: /--words must be a positive whole number, got "0"/,
  },
  'resume: a damaged run.json': {
    args: ['resume', 'run'],
    files: { 'run/run.json': damagedRun },
    message: /run\/run\.json is damaged .*restore it or start a new run/,
  },
  // quire inspect
  'inspect: a run from a newer quire': {
    args: ['inspect', 'run'],
    files: { 'run/run.json': newerRun },
    message: /was written by a newer quire/,
  },
  'inspect: a directory that is not a run': {
    args: ['inspect', '.'],
    message: /is not a quire run/,
  },
  // quire eval
  'eval: a missing document': {
    args: ['eval', 'nope.md'],
    message: /Document nope\.md does not exist/,
  },
  'eval: an empty document': {
    args: ['eval', 'empty.md'],
    files: { 'empty.md': '' },
    message: /Document empty\.md is empty/,
  },
  'eval: a Latin-1 document': {
    args: ['eval', 'doc.md'],
    files: { 'doc.md': Buffer.from('caf\xe9 au lait\n', 'latin1') },
    message: /Document doc\.md is not UTF-8 text \(byte 0xe9 at offset 3, line 1\)/,
  },
  'eval: --words 0': {
    args: ['eval', 'doc.md', '--words', '0'],
    files: { 'doc.md': document },
    message: /--words must be a positive whole number, got "0"/,
  },
  'eval: --code without --checklist': {
    args: ['eval', 'run', '--code'],
    files: { 'run/': '' },
    message: /quire eval --code needs --checklist/,
  },
  'eval: an unknown judge': {
    args: ['eval', 'doc.md', '--judge', 'claude'],
    files: { 'doc.md': document },
    message: /Unknown model "claude"/,
  },
  'eval: an openai judge without a key': {
    args: ['eval', 'doc.md', '--judge', 'openai:gpt-4o-mini'],
    files: { 'doc.md': document },
    message: /No API key for model "openai:gpt-4o-mini"/,
  },
  'eval: a run from a newer quire': {
    args: ['eval', 'run'],
    files: { 'run/run.json': newerRun, 'run/document.md': document },
    message: /was written by a newer quire/,
  },
  'eval: a --report that cannot be written': {
    args: ['eval', 'doc.md', '--report', 'locked/report.json'],
    files: { 'doc.md': document, 'locked/': '' },
    readOnly: ['locked'],
    message: /Cannot write the report locked\/report\.json: .*locked refuses it/,
  },
  // quire code
  'code: an empty specification': {
    args: ['code', '  '],
    message: /The specification is empty/,
  },
  'code: --max-steps 0': {
    args: ['code', 'x', '--max-steps', '0'],
    message: /--max-steps must be a positive whole number, got "0"/,
  },
  'code: a missing --task file': {
    args: ['code', '--task', 'nope.md'],
    message: /Specification file nope\.md does not exist/,
  },
  'code: a Latin-1 --task file': {
    args: ['code', '--task', 'spec.md'],
    files: { 'spec.md': Buffer.from('Build a caf\xe9 menu app.\n', 'latin1') },
    message: /Specification file spec\.md is not UTF-8 text \(byte 0xe9 at offset 11/,
  },
  'code: a huge specification': {
    args: ['code', '--task', 'spec.md'],
    files: { 'spec.md': hugeSpec },
    message: /The specification is about 26,000 tokens, more than half of code\.conversationTokens/,
  },
  'code: an unknown model': {
    args: ['code', 'x', '--model', 'gpt'],
    message: /Unknown model "gpt"/,
  },
  'code: an --out that cannot be written': {
    args: ['code', 'x', '--out', 'locked/run'],
    files: { 'locked/': '' },
    readOnly: ['locked'],
    message: /Cannot create the run directory .*locked\/run/,
  },
  // quire bench longbench-write
  'bench longbench-write: an unknown --mode': {
    args: ['bench', 'longbench-write', '--mode', 'fast'],
    message: /Allowed choices are direct, quire/,
  },
  'bench longbench-write: --limit 0': {
    args: ['bench', 'longbench-write', '--limit', '0'],
    message: /--limit must be a positive whole number, got "0"/,
  },
  'bench longbench-write: a missing --data file': {
    args: ['bench', 'longbench-write', '--data', 'nope.jsonl'],
    message: /nope\.jsonl does not exist/,
  },
  'bench longbench-write: a UTF-16 --data file': {
    args: ['bench', 'longbench-write', '--data', 'data.jsonl'],
    files: { 'data.jsonl': utf16 },
    message: /data file data\.jsonl is not UTF-8 text/,
  },
  // quire bench sgt
  'bench sgt: a non-numeric --concurrency': {
    args: ['bench', 'sgt', '--concurrency', 'x'],
    message: /--concurrency must be a positive whole number, got "x"/,
  },
  'bench sgt: --generate 0': {
    args: ['bench', 'sgt', '--generate', '0'],
    message: /--generate must be a positive whole number, got "0"/,
  },
  'bench sgt: a missing --data file': {
    args: ['bench', 'sgt', '--data', 'nope.json'],
    message: /nope\.json does not exist/,
  },
  // quire bench hellobench
  'bench hellobench: an unknown --subset': {
    args: ['bench', 'hellobench', '--subset', 'all'],
    message: /Allowed choices are main, length-constrained/,
  },
  'bench hellobench: a length the set does not have': {
    args: ['bench', 'hellobench', '--lengths', '2k,32k'],
    message: /--lengths takes some of 2k, 4k, 8k, 16k separated by commas, got "2k,32k"/,
  },
  'bench hellobench: a missing --data folder': {
    args: ['bench', 'hellobench', '--data', 'nope'],
    message: /HelloBench data folder nope does not exist/,
  },
  'bench hellobench: a UTF-16 length file': {
    args: ['bench', 'hellobench', '--data', 'hb', '--lengths', '2k'],
    files: { 'hb/length_constrained_data/heuristic_text_generation_2k.jsonl': utf16 },
    message: /heuristic_text_generation_2k\.jsonl is not UTF-8 text/,
  },
  // quire sft
  'sft: no --out': {
    args: ['sft', 'instructions.jsonl'],
    message: /required option '--out <file>' not specified/,
  },
  'sft: an unknown --format': {
    args: ['sft', 'instructions.jsonl', '--out', 'data.jsonl', '--format', 'xml'],
    message: /Allowed choices are messages, alpaca, sharegpt/,
  },
  'sft: a non-numeric --max-rep': {
    args: ['sft', 'instructions.jsonl', '--out', 'data.jsonl', '--max-rep', 'abc'],
    message: /--max-rep must be a positive number, got "abc"/,
  },
  'sft: a JSONL with a broken line': {
    args: ['sft', 'instructions.jsonl', '--out', 'data.jsonl'],
    files: { 'instructions.jsonl': '{"prompt": "Write about tides."}\n{oops\n' },
    message: /instructions\.jsonl, line 2: not valid JSON/,
  },
  'sft: a Latin-1 instructions file': {
    args: ['sft', 'instructions.jsonl', '--out', 'data.jsonl'],
    files: { 'instructions.jsonl': Buffer.from('{"prompt": "caf\xe9"}\n', 'latin1') },
    message: /instructions\.jsonl is not UTF-8 text/,
  },
  // quire sim serve
  'sim serve: a --ttft that is not a duration': {
    args: ['sim', 'serve', '--port', '0', '--ttft', 'soon'],
    message: /--ttft soon is not valid: --ttft expects a duration/,
  },
  'sim serve: a port past 65535': {
    args: ['sim', 'serve', '--port', '70000'],
    message: /--port must be a whole number from 0 to 65535, got "70000"/,
  },
  'sim serve: a fault rate above 1': {
    args: ['sim', 'serve', '--port', '0', '--errors', '2'],
    message: /--errors 2 is not valid: --errors expects a number from 0 to 1/,
  },
  'sim serve: an unknown fault kind': {
    args: ['sim', 'serve', '--port', '0', '--faults', 'gremlins'],
    message: /unknown fault kind "gremlins"/,
  },
  'sim serve: an empty --api-key': {
    args: ['sim', 'serve', '--port', '0', '--api-key', ''],
    message: /--api-key is empty/,
  },
  // any command
  'an unknown command': { args: ['frobnicate'], message: /unknown command 'frobnicate'/ },
};

const inProcess = ({
  args,
  cwd,
  env,
}: {
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}) => runMain({ argv: args, cwd, env });

describe('bad input to any command: one line on stderr, exit 2, nothing written', () => {
  it('covers every command with at least 25 cases', () => {
    const commands = new Set(Object.keys(cases).map((name) => name.split(':')[0]));
    expect(Object.keys(cases).length).toBeGreaterThanOrEqual(25);
    expect([...commands]).toEqual(
      expect.arrayContaining([
        'write',
        'resume',
        'inspect',
        'eval',
        'code',
        'bench longbench-write',
        'bench sgt',
        'bench hellobench',
        'sft',
        'sim serve',
      ]),
    );
  });

  // The first case of each command runs the built CLI as a user would; the rest run `main` in
  // this process, the same code without a Node start per case.
  const firstOfCommand = new Map<string, string>();
  for (const name of Object.keys(cases)) {
    const command = name.split(':')[0] ?? name;
    if (!firstOfCommand.has(command)) firstOfCommand.set(command, name);
  }
  const spawned = new Set(firstOfCommand.values());
  it.each(Object.entries(cases))('%s', async (name, badInput) => {
    const run = spawned.has(name) ? runCli : inProcess;
    await expectRefusal({ cwd: await tempDir(), badInput, run });
  });

  it('sim serve: a port another server holds', async () => {
    const result = await runCli({ args: ['sim', 'serve', '--port', String(busyServer.port)] });
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^quire: quire sim cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/),
    ]);
    expect(result.code).toBe(2);
  });
});
