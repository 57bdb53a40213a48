import { describe, expect, it } from 'vitest';
import { runMain } from '../bench/helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { type BadInput, expectRefusal } from './helpers/bad-input-case.js';

// The classes of input an attacker or a careless user gives: files that are not what they
// claim, paths that cannot be used, outputs over inputs, secrets in URLs, contradictory or
// oversized settings, invisible requests. Each is one line, exit 2, nothing written. They run
// in-process (as `quire` would, through `main`): none needs a process of its own.

const tempDir = useTempDir();
const key = { OPENAI_API_KEY: 'sk-test' };
const document = 'The tides of the North Sea rise twice a day along the shore.\n';
const instruction = '{"prompt": "Write 300 words on tides."}\n';
const manySections = JSON.stringify({
  title: 'T',
  sections: Array.from({ length: 10_001 }, (_, index) => ({
    title: `S${index}`,
    brief: 'b',
    words: 10,
  })),
});

/** Files that are not what they claim to be, and paths that cannot be used (part 3). */
const untrustedFiles: Record<string, BadInput> = {
  'write: a --task that is a FIFO': {
    args: ['write', '--task', 'task.json'],
    fifos: ['task.json'],
    message:
      /The task file task\.json is a FIFO, not a regular file: quire reads only regular files/,
  },
  'write: /dev/zero as --task': {
    args: ['write', '--task', '/dev/zero'],
    message: /The task file \/dev\/zero is a character device, not a regular file/,
  },
  'write: a --plan larger than any plan': {
    args: ['write', 'x', '--plan', 'plan.json'],
    sparse: { 'plan.json': 17 * 1024 * 1024 },
    message: /The plan file plan\.json is larger than 16 MB, the most quire reads for such a file/,
  },
  'write: a --config that is a FIFO': {
    args: ['write', 'x', '--config', 'quire.json'],
    fifos: ['quire.json'],
    message: /Config file quire\.json is a FIFO, not a regular file/,
  },
  'write: a --config over 1 MB': {
    args: ['write', 'x', '--config', 'quire.json'],
    sparse: { 'quire.json': 2 * 1024 * 1024 },
    message: /Config file quire\.json is larger than 1 MB/,
  },
  'write: an --out that is a file': {
    args: ['write', 'x', '--out', 'notes.txt'],
    files: { 'notes.txt': 'keep me' },
    message:
      /notes\.txt cannot be a run directory: it has a file where a folder is needed on its path \(ENOTDIR\)/,
  },
  'write: an --out below a file': {
    args: ['write', 'x', '--out', 'notes.txt/run'],
    files: { 'notes.txt': 'keep me' },
    message: /notes\.txt\/run cannot be a run directory: .*\(ENOTDIR\)/,
  },
  'write: an --out whose name is too long': {
    args: ['write', 'x', '--out', 'r'.repeat(300)],
    message:
      /cannot be a run directory: it has a name too long for the file system \(ENAMETOOLONG\)/,
  },
  'eval: a document that is a FIFO': {
    args: ['eval', 'doc.md'],
    fifos: ['doc.md'],
    message: /Document doc\.md is a FIFO, not a regular file/,
  },
  'eval: a document of 100 MB': {
    args: ['eval', 'doc.md'],
    sparse: { 'doc.md': 100 * 1024 * 1024 },
    message: /Document doc\.md is larger than 64 MB/,
  },
  'eval: a --report that is the document': {
    args: ['eval', 'doc.md', '--report', 'doc.md'],
    files: { 'doc.md': document },
    message:
      /--report doc\.md is the document being evaluated \(doc\.md\): quire never writes over what it reads/,
  },
  'eval: a --report linked to the document': {
    args: ['eval', 'doc.md', '--report', 'report.json'],
    files: { 'doc.md': document },
    links: { 'report.json': 'doc.md' },
    message: /--report report\.json is the document being evaluated/,
  },
  'eval: a --report that is the constraints file': {
    args: ['eval', 'doc.md', '--constraints', 'c.json', '--report', 'c.json'],
    files: {
      'doc.md': document,
      'c.json':
        '{"unit": "Part", "segments": 1, "constraints": [{"type": "once", "segment": 1, "event": "tide"}]}',
    },
    message: /--report c\.json is the constraints file c\.json/,
  },
  'sft: an --out that is the instructions file': {
    args: ['sft', 'instructions.jsonl', '--out', 'instructions.jsonl'],
    files: { 'instructions.jsonl': instruction },
    message: /--out instructions\.jsonl would write over the instructions file instructions\.jsonl/,
  },
  'sft: an instructions file that is a FIFO': {
    args: ['sft', 'instructions.jsonl', '--out', 'data.jsonl'],
    fifos: ['instructions.jsonl'],
    message: /Instructions file instructions\.jsonl is a FIFO, not a regular file/,
  },
  'code: a --task that is a character device': {
    args: ['code', '--task', '/dev/zero'],
    message: /Specification file \/dev\/zero is a character device, not a regular file/,
  },
};

/** Secrets, settings that contradict each other, numbers past their maximum, nothing visible (part 4). */
const badSettings: Record<string, BadInput> = {
  'write: credentials in --base-url': {
    args: ['write', 'x', '--model', 'openai:m', '--base-url', 'http://alice:s3cret@127.0.0.1:9/v1'],
    env: key,
    message:
      /^(?!.*s3cret).*baseUrl: holds credentials \(user:password@\), which the fetch API refuses in a URL/,
  },
  'write: a --base-url that is not http': {
    args: ['write', 'x', '--model', 'openai:m', '--base-url', 'file:///etc/passwd'],
    env: key,
    message: /baseUrl: the scheme file: cannot work: use an http:\/\/ or https:\/\/ URL/,
  },
  'eval: a judge --base-url with a query': {
    args: ['eval', 'doc.md', '--judge', 'openai:m', '--base-url', 'http://h/v1?key=abc'],
    files: { 'doc.md': document },
    env: key,
    message: /^(?!.*abc).*baseUrl: has a query or fragment/,
  },
  'write: settings that contradict each other': {
    args: ['write', 'x', '--config', 'quire.json'],
    files: { 'quire.json': '{"write": {"minSectionWords": 2000}}' },
    message:
      /write\.minSectionWords: 2000 is larger than write\.maxSectionWords \(1200, from the defaults\)/,
  },
  'write: --words past the maximum': {
    args: ['write', 'x', '--words', '1000000000'],
    message: /--words must be at most 200,000, got "1000000000"/,
  },
  'write: a request asking for more words than one run writes': {
    args: ['write', 'Write a 1,000,000-word saga of the sea'],
    message:
      /The target length is 1,000,000 words \("1,000,000-word" in the request\), more than the 200,000/,
  },
  'write: --max-tokens past the maximum': {
    args: ['write', 'x', '--max-tokens', '10000000000000'],
    message: /--max-tokens must be at most 1,000,000,000/,
  },
  'write: --max-cost past the maximum': {
    args: ['write', 'x', '--max-cost', '1e9'],
    message: /--max-cost must be at most 100,000/,
  },
  'write: a task file asking for too many words': {
    args: ['write', '--task', 'task.json'],
    files: { 'task.json': '{"prompt": "x", "words": 1000000000}' },
    message: /task file task\.json is not a valid task \(words: .*200000/,
  },
  'write: a config value past its maximum': {
    args: ['write', 'x', '--config', 'quire.json'],
    files: { 'quire.json': '{"model": {"contextTokens": 1000000000000}}' },
    message: /model\.contextTokens: at most 10,000,000/,
  },
  'write: a plan file of more sections than a plan holds': {
    args: ['write', 'x', '--plan', 'plan.json'],
    files: { 'plan.json': manySections },
    message: /plan file plan\.json has 10,001 sections, more than the 10,000 quire plans/,
  },
  'write: constraints of a billion segments': {
    args: ['write', 'x', '--constraints', 'c.json'],
    files: {
      'c.json':
        '{"unit": "Week", "segments": 1000000000, "constraints": [{"type": "once", "segment": 1, "event": "tide"}]}',
    },
    message:
      /Constraints file c\.json is not usable: segments: Too big: expected number to be <=10000/,
  },
  'write: a sim knob past its maximum': {
    args: ['write', 'x', '--model', 'sim:words=99999999'],
    message: /sim option words=99999999 is not valid \(at most 200,000\)/,
  },
  'write: a request of only invisible characters': {
    args: ['write', '\u200b\u200e\ufeff \u2066'],
    message: /The request is empty \(it holds only invisible characters\)/,
  },
  'write: a --task whose prompt is only invisible characters': {
    args: ['write', '--task', 'task.json'],
    files: { 'task.json': '{"prompt": "\\u200b\\u200d"}' },
    message: /The request is empty \(it holds only invisible characters\)/,
  },
  'eval: --words past the maximum': {
    args: ['eval', 'doc.md', '--words', '999999999'],
    files: { 'doc.md': document },
    message: /--words must be at most 200,000/,
  },
  'code: --max-steps past the maximum': {
    args: ['code', 'x', '--max-steps', '99999'],
    message: /--max-steps must be at most 1,000/,
  },
  'code: a config value past its maximum': {
    args: ['code', 'x', '--config', 'quire.json'],
    files: { 'quire.json': '{"code": {"memoryLimitMb": 99999999}}' },
    message: /code\.memoryLimitMb: at most 65,536/,
  },
  'code: a specification of only invisible characters': {
    args: ['code', '\u200b\u2060'],
    message: /The specification is empty/,
  },
  'sft: --concurrency past the maximum': {
    args: ['sft', 'instructions.jsonl', '--out', 'data.jsonl', '--concurrency', '100000'],
    files: { 'instructions.jsonl': instruction },
    message: /--concurrency must be at most 256/,
  },
  'sft: an instruction length past the maximum': {
    args: ['sft', 'instructions.jsonl', '--out', 'data.jsonl'],
    files: { 'instructions.jsonl': '{"prompt": "Write on tides.", "length": 1000000000}\n' },
    message: /instructions\.jsonl, line 1: "length" must be at most 200,000/,
  },
  'sft: an instruction of only invisible characters': {
    args: ['sft', 'instructions.jsonl', '--out', 'data.jsonl'],
    files: { 'instructions.jsonl': '{"prompt": "\\u200b\\ufeff"}\n' },
    message: /instructions\.jsonl, line 1: "prompt": must not be empty \(nothing visible in it\)/,
  },
  'bench longbench-write: an item length past the maximum': {
    args: ['bench', 'longbench-write', '--data', 'data.jsonl', '--model', 'sim'],
    files: { 'data.jsonl': '{"prompt": "Write on tides.", "type": "t", "length": 1000000000}\n' },
    message: /data file data\.jsonl, line 1: "length" must be at most 200,000/,
  },
  'bench longbench-write: --limit past the maximum': {
    args: ['bench', 'longbench-write', '--limit', '1000000000'],
    message: /--limit must be at most 1,000,000/,
  },
  'bench hellobench: --limit past the maximum': {
    args: ['bench', 'hellobench', '--limit', '1000000000'],
    message: /--limit must be at most 1,000,000/,
  },
  'bench hellobench: --concurrency past the maximum': {
    args: ['bench', 'hellobench', '--concurrency', '100000'],
    message: /--concurrency must be at most 256/,
  },
  'bench sgt: --generate past the maximum': {
    args: ['bench', 'sgt', '--generate', '1000000'],
    message: /--generate must be at most 10,000/,
  },
  'bench sgt: --seed past the maximum': {
    args: ['bench', 'sgt', '--generate', '1', '--seed', '99999999999'],
    message: /--seed must be at most 4,294,967,295/,
  },
  'sim serve: --slots past the maximum': {
    args: ['sim', 'serve', '--port', '0', '--slots', '1000000'],
    message: /--slots 1000000 is not valid \(at most 256\)/,
  },
  'sim serve: --ttft longer than a day': {
    args: ['sim', 'serve', '--port', '0', '--ttft', '90000s'],
    message: /--ttft 90000s is not valid \(at most one day\)/,
  },
};

const run = ({ args, cwd, env }: { args: string[]; cwd: string; env?: Record<string, string> }) =>
  runMain({ argv: args, cwd, env });

describe('files that are not what they claim: one line, exit 2, nothing written', () => {
  it.each(Object.entries(untrustedFiles))('%s', async (_name, badInput) => {
    await expectRefusal({ cwd: await tempDir(), badInput, run });
  });
});

describe('secrets, contradictions, numbers past their maximum, invisible requests', () => {
  it('covers every command that takes numbers', () => {
    const commands = new Set(Object.keys(badSettings).map((name) => name.split(':')[0]));
    expect([...commands].sort()).toEqual([
      'bench hellobench',
      'bench longbench-write',
      'bench sgt',
      'code',
      'eval',
      'sft',
      'sim serve',
      'write',
    ]);
  });

  it.each(Object.entries(badSettings))('%s', async (_name, badInput) => {
    await expectRefusal({ cwd: await tempDir(), badInput, run });
  });
});
