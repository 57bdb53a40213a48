import { type Command, Option } from 'commander';
import { limits } from '../../config/limits.js';
import { type CommandSetup, lazyAction } from '../define-command.js';
import { addSandboxOption, positiveInteger, positiveNumber } from '../shared-options.js';

/** `quire eval`: score a document or a run. */
export function defineEvalCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const command = program
    .command('eval')
    .description(
      'score a Markdown document or a run directory: length, repetition, constraints and, with a judge, quality; writes report.json',
    )
    .argument('<target>', 'a document (.md or .txt) or a run directory')
    .option(
      '--words <n>',
      "required length for the length score S_l (integer; default: the run's target, else none)",
      positiveInteger('--words', limits.words),
    )
    .option(
      '--constraints <file>',
      "constraints file (JSON) to check segment by segment (string; default: the run's, else none)",
    )
    .addOption(
      new Option(
        '--headers <rule>',
        "how constraint segment headers are read: sgt (SGT's rule: label, one space, number, case as given) or lenient (any spacing and case; not comparable with published scores) (string; default: sgt)",
      ).choices(['sgt', 'lenient']),
    )
    .option(
      '--max-rep <r>',
      'whole-text rep-4 above which the document is degenerate, an error as quire sft rejects it (number; default: config "repetition.maxRep4", 1: no limit)',
      positiveNumber('--max-rep', 1),
    )
    .option(
      '--judge <spec>',
      'model spec of the quality and constraint judge, e.g. openai:gpt-4o-mini (string; default: config "judge", else no judge)',
    )
    .option(
      '--rubric <file>',
      'rubric file (JSON): a WritingBench item or quire\'s {"criteria": [...]}; the judge scores each criterion 1–10 in its own call, reported with its reason and the mean (string; default: none; needs a judge)',
    )
    .option(
      '--part-quality',
      "with a judge, also score each part's S_q (one call per part) to follow quality from the first part to the last (boolean; default: false)",
    )
    .option(
      '--base-url <url>',
      'OpenAI-compatible server for the judge (string; default: config "baseUrl", OPENAI_BASE_URL)',
    )
    .option(
      '--prompt <text>',
      "the request the document answers, shown to the quality judge (string; default: the run's prompt, else none)",
    )
    .option(
      '--code',
      'evaluate a code run (quire code): tests passed, lines of code, syntax errors, Features % (boolean; default: false)',
    )
    .option(
      '--checklist <file>',
      'requirement checklist (Markdown "[ ]" items) for Features %, with --code (string; required with --code)',
    )
    .option(
      '--report <file>',
      'where to write the report (string; default: <run>/report.json, <run>/code-eval.json with --code, or <file>.report.json)',
    );
  addSandboxOption(command);
  lazyAction({ command, setup, load: () => import('./eval.js') });
}
