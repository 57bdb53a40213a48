import { resolve } from 'node:path';
import { checkRequestFits } from '../../control/context/check-request-fits.js';
import { readConstraintFile } from '../../evaluators/constraints/read-constraint-file.js';
import { ContextWindow } from '../../model/context/context-window.js';
import { resolveContextWindow } from '../../model/context/resolve-context-window.js';
import { counterForModel } from '../../model/tokens/counter-for-model.js';
import { readPlanFile } from '../../planner/read-plan-file.js';
import { createRunDirectory, refuseNonEmptyDirectory } from '../../store/create-run-directory.js';
import { lockRunDirectory } from '../../store/lock-run-directory.js';
import { readRunKind } from '../../store/run-store.js';
import { createTask } from '../../task/create-task.js';
import { readTaskFile } from '../../task/read-task-file.js';
import { type CommonOptions, loadCommandConfig } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { executeWriteRun } from '../execute-write-run.js';
import { prepareWriteModels } from '../prepare-model.js';
import { continueExistingRun, runAppeared } from './write-existing-run.js';

/** The flags of `quire write`, as commander parses them. */
export interface WriteOptions extends CommonOptions {
  task?: string;
  words?: number;
  lang?: string;
  plan?: string;
  constraints?: string;
  out?: string;
}

/**
 * `quire write`: validates every input first (so bad input writes nothing), then runs the
 * pipeline in a new run directory, which it holds locked. An `--out` that already holds a run
 * is continued only when nothing given contradicts it (see `continueExistingRun`).
 */
export async function run(context: CommandContext<WriteOptions>) {
  const { args, options, io } = context;
  const request = ((args[0] as string[] | undefined) ?? []).join(' ');
  if (options.out && (await readRunKind(resolve(io.cwd, options.out))) !== undefined) {
    return continueExistingRun({ context, request });
  }
  const config = await loadCommandConfig({ options, io });
  const fromFile = options.task
    ? await readTaskFile({ path: options.task, cwd: io.cwd })
    : undefined;
  const constraints = options.constraints
    ? await readConstraintFile({ path: options.constraints, cwd: io.cwd })
    : fromFile?.constraints;
  const { task } = createTask({
    input: {
      ...fromFile,
      prompt: request.trim() || fromFile?.prompt,
      ...(options.words ? { words: options.words } : {}),
      ...(options.lang ? { lang: options.lang } : {}),
      ...(constraints ? { constraints } : {}),
    },
    wordsPerPage: config.write.wordsPerPage,
    defaultWords: config.write.defaultWords,
  });
  const suppliedPlan = options.plan
    ? await readPlanFile({ path: options.plan, cwd: io.cwd, task, ...config.write })
    : undefined;
  const { model, stages } = prepareWriteModels({ config, env: io.env });
  // The window before the directory: a request it cannot hold is an input error that leaves
  // nothing behind.
  const contextWindow = await resolveContextWindow({
    contextTokens: config.model.contextTokens,
    model,
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
  });
  checkRequestFits({
    request: task.prompt,
    window: new ContextWindow({
      state: contextWindow,
      counter: await counterForModel(model),
    }),
  });
  const directory = options.out
    ? resolve(io.cwd, options.out)
    : await createRunDirectory({ outDir: resolve(io.cwd, config.outDir), request: task.prompt });
  const lock = await lockRunDirectory({
    directory,
    shownAs: options.out,
    create: true,
    createdByCaller: options.out === undefined,
  });
  try {
    if (options.out) {
      // Checked again under the lock: another quire may have started a run there meanwhile.
      if ((await readRunKind(directory)) !== undefined) throw runAppeared(options.out);
      await refuseNonEmptyDirectory({ directory, shownAs: options.out });
    }
    await executeWriteRun({
      lock,
      fresh: true,
      task,
      config,
      model,
      stages,
      suppliedPlan,
      contextWindow,
      io,
      json: options.json === true,
      abortSignal: context.abortSignal,
    });
  } finally {
    await lock.release();
  }
}
