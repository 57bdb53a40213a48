import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fileLimits } from '../config/limits.js';
import { RunDirectoryError } from '../errors/run-directory-error.js';
import { type Plan, PlanSchema } from '../planner/plan-schema.js';
import { findNonText } from '../util/find-non-text.js';
import { readFileBounded } from '../util/read-file-bounded.js';
import { temporarySuffix } from '../util/write-file-atomic.js';
import { damagedFile } from './damaged-file.js';
import { Journal, readJournal } from './journal.js';
import { type RunInfo, RunInfoSchema, runFormatVersion } from './run-info-schema.js';
import { writeOutputFile } from './write-output-file.js';

/** A finished section as stored in `sections/NNN-<slug>.md`. */
export interface StoredSection {
  /** 0-based position in the plan. */
  index: number;
  file: string;
  text: string;
}

/** Names of the files in a run directory. */
export const runFiles = {
  info: 'run.json',
  plan: 'plan.json',
  ledger: 'ledger.json',
  journal: 'journal.jsonl',
  document: 'document.md',
  report: 'report.json',
  sections: 'sections',
  thinking: 'thinking',
} as const;

/** The name shared by a section's file and its thinking's: `NNN-<slug>`, in plan order. */
export function sectionName({ index, slug }: { index: number; slug: string }): string {
  return `${String(index + 1).padStart(3, '0')}-${slug}`;
}

/** What a reasoning model thought before one part of a run: the plan or a section. */
export interface StoredThinking {
  /** `plan`, or the section's `NNN-<slug>`. */
  name: string;
  text: string;
}

/**
 * The run directory: the single source of truth of a run. Every write is atomic; the journal is
 * append-only. The only module that touches a run's files.
 */
export class RunStore {
  readonly directory: string;
  readonly journal: Journal;

  private constructor(directory: string, journal: Journal) {
    this.directory = directory;
    this.journal = journal;
  }

  /**
   * Opens a run directory for writing, creating it when needed, and removes the temporary files
   * of writes a crash cut short (never content: a write becomes visible only when complete).
   */
  static async open(directory: string): Promise<RunStore> {
    try {
      await mkdir(directory, { recursive: true });
    } catch (error) {
      throw new RunDirectoryError({
        message: `Cannot create the run directory ${directory} (${(error as NodeJS.ErrnoException).code ?? error}): choose a writable --out.`,
        directory,
        problem: 'notWritable',
        cause: error,
      });
    }
    await removeTemporaryFiles(directory);
    return new RunStore(directory, await Journal.open(join(directory, runFiles.journal)));
  }

  path(name: string): string {
    return join(this.directory, name);
  }

  async writeInfo(info: RunInfo): Promise<void> {
    await this.writeJson(runFiles.info, info);
  }

  async readInfo(): Promise<RunInfo> {
    return readRunInfo(this.directory);
  }

  async writePlan(plan: Plan): Promise<void> {
    await this.writeJson(runFiles.plan, plan);
  }

  async readPlan(): Promise<Plan | undefined> {
    return readRunPlan(this.directory);
  }

  async writeLedger(ledger: unknown): Promise<void> {
    await this.writeJson(runFiles.ledger, ledger);
  }

  async readLedger<T extends z.ZodType>(schema: T): Promise<z.infer<T> | undefined> {
    return readRunJson({ directory: this.directory, name: runFiles.ledger, schema });
  }

  /**
   * Stores the think note a section was written from, as `sections/<name>.think.md` (`name`
   * from `sectionName`): beside the section, never in it. Written just before the section, whose
   * own file commits both.
   */
  async writeThinkNote({ name, text }: StoredThinking): Promise<string> {
    const file = join(runFiles.sections, `${name}${thinkNoteSuffix}`);
    await mkdir(this.path(runFiles.sections), { recursive: true });
    await writeOutputFile({ path: this.path(file), data: `${text.trim()}\n` });
    return file;
  }

  /** Stores a finished section; its file name keeps the plan order. */
  async writeSection({ index, slug, text }: { index: number; slug: string; text: string }) {
    const file = join(runFiles.sections, `${sectionName({ index, slug })}.md`);
    await mkdir(this.path(runFiles.sections), { recursive: true });
    await writeOutputFile({ path: this.path(file), data: text });
    return file;
  }

  /**
   * Stores what the model thought while making the plan (`name` `plan`) or a section (`name`
   * from `sectionName`), in `thinking/<name>.md`: beside the section, never in it.
   */
  async writeThinking({ name, text }: StoredThinking): Promise<string> {
    const file = join(runFiles.thinking, `${name}.md`);
    await mkdir(this.path(runFiles.thinking), { recursive: true });
    await writeOutputFile({ path: this.path(file), data: text });
    return file;
  }

  /** Every finished section, in plan order. */
  async readSections(): Promise<StoredSection[]> {
    return readRunSections(this.directory);
  }

  async writeText(name: string, text: string): Promise<void> {
    await writeOutputFile({ path: this.path(name), data: text });
  }

  async readEvents(): Promise<Array<Record<string, unknown>>> {
    return readJournal(this.path(runFiles.journal));
  }

  async close(): Promise<void> {
    await this.journal.close();
  }

  /** Writes a JSON file of the run, atomically and pretty-printed. */
  async writeJson(name: string, value: unknown): Promise<void> {
    await writeOutputFile({ path: this.path(name), data: `${JSON.stringify(value, null, 2)}\n` });
  }
}

/** The plan of a run, or undefined before planning finished. Reads only. */
export function readRunPlan(directory: string): Promise<Plan | undefined> {
  return readRunJson({ directory, name: runFiles.plan, schema: PlanSchema });
}

/**
 * Every finished section of a run, in plan order. Only complete files exist (writes are
 * atomic), so each one is a committed section. Reads only, and trusts nothing: a section that is
 * a link, a folder or a device, or a `sections` that is not a real folder, is reported.
 */
export async function readRunSections(directory: string): Promise<StoredSection[]> {
  const folder = join(directory, runFiles.sections);
  if (!(await sectionsFolderExists(folder))) return [];
  const names = (await readdir(folder)).filter(
    (name) => /^\d{3,}-.*\.md$/.test(name) && !name.endsWith(thinkNoteSuffix),
  );
  const sections = await Promise.all(
    names.map(async (name) => ({
      index: Number.parseInt(name, 10) - 1,
      file: join(runFiles.sections, name),
      text: await readRunText({ path: join(folder, name), maxBytes: fileLimits.runFile }),
    })),
  );
  return sections.sort((left, right) => left.index - right.index);
}

/** How a section's think note file ends, beside its section's `NNN-<slug>.md`. */
const thinkNoteSuffix = '.think.md';

/**
 * The think notes of a run's committed sections, in plan order (`name` is the section's
 * `NNN-<slug>`). A note whose section file is missing (a crash between the two writes) is not
 * committed, so it is left out. Reads only.
 */
export async function readRunThinkNotes(directory: string): Promise<StoredThinking[]> {
  const folder = join(directory, runFiles.sections);
  if (!(await sectionsFolderExists(folder))) return [];
  const files = new Set(await readdir(folder));
  const names = [...files]
    .filter((name) => /^\d{3,}-.*\.think\.md$/.test(name))
    .map((name) => name.slice(0, -thinkNoteSuffix.length))
    .filter((name) => files.has(`${name}.md`))
    .sort(compare);
  return Promise.all(
    names.map(async (name) => ({
      name,
      text: await readRunText({
        path: join(folder, `${name}${thinkNoteSuffix}`),
        maxBytes: fileLimits.runFile,
      }),
    })),
  );
}

/** The stored thinking of a run: the plan's first, then the sections' in plan order. Reads only. */
export async function readRunThinking(directory: string): Promise<StoredThinking[]> {
  const folder = join(directory, runFiles.thinking);
  if (!(await sectionsFolderExists(folder))) return [];
  const names = (await readdir(folder))
    .filter((name) => /^(?:plan|\d{3,}-.*)\.md$/.test(name))
    .map((name) => name.slice(0, -'.md'.length))
    .sort((left, right) => (left === 'plan' ? -1 : right === 'plan' ? 1 : compare(left, right)));
  return Promise.all(
    names.map(async (name) => ({
      name,
      text: await readRunText({ path: join(folder, `${name}.md`), maxBytes: fileLimits.runFile }),
    })),
  );
}

function compare(left: string, right: string): number {
  return Number.parseInt(left, 10) - Number.parseInt(right, 10) || left.localeCompare(right);
}

/**
 * Reads a text file quire wrote in a run directory without following a link, refusing what is
 * not a regular UTF-8 file of at most `maxBytes`. Throws `DamagedFileError`.
 */
export async function readRunText({
  path,
  maxBytes,
}: {
  path: string;
  maxBytes: number;
}): Promise<string> {
  const read = await readFileBounded({ path, maxBytes, followLinks: false });
  if (!read.ok) throw damagedFile({ path, problem: read.problem, detail: read.detail });
  const notText = findNonText(read.bytes);
  if (notText !== undefined) {
    throw damagedFile({
      path,
      problem: 'notText',
      detail: `is not UTF-8 text (${notText.description})`,
    });
  }
  return read.bytes.toString('utf8');
}

/**
 * A JSON file of a run, validated; undefined when it does not exist. Reads only; a link, a
 * folder, an oversized file or a run path that is not a folder is reported.
 */
export async function readRunJson<T extends z.ZodType>({
  directory,
  name,
  schema,
}: {
  directory: string;
  name: string;
  schema: T;
}): Promise<z.infer<T> | undefined> {
  const path = join(directory, name);
  const read = await readFileBounded({ path, maxBytes: fileLimits.runFile, followLinks: false });
  if (!read.ok) {
    if (read.problem === 'missing') return undefined;
    if (read.problem === 'badPath') {
      throw new RunDirectoryError({
        message: `${directory} cannot be a run directory: it ${read.detail}; choose another directory.`,
        directory,
        problem: 'badPath',
      });
    }
    throw damagedFile({ path, problem: read.problem, detail: read.detail });
  }
  return parseRunFile({ directory, name, text: read.bytes.toString('utf8'), schema });
}

/** False when a run has no `sections` folder yet; throws when it is not a real folder. */
async function sectionsFolderExists(folder: string): Promise<boolean> {
  const found = await lstat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw damagedFile({
      path: folder,
      problem: 'unreadable',
      detail: `cannot be read (${error.code})`,
    });
  });
  if (found === undefined) return false;
  if (found.isSymbolicLink()) {
    throw damagedFile({
      path: folder,
      problem: 'symlink',
      detail: 'is a symbolic link, which quire does not follow inside a run',
    });
  }
  if (!found.isDirectory()) {
    throw damagedFile({ path: folder, problem: 'notRegular', detail: 'is not a folder' });
  }
  return true;
}

/** What kind of run a directory holds, read from its run.json. */
export type RunKind = 'prose' | 'code';

const RunHeaderSchema = z.looseObject({
  version: z.number().int(),
  task: z.looseObject({ kind: z.enum(['prose', 'code']).default('prose') }).optional(),
});

/**
 * The kind of run in `directory`: `undefined` when it holds no run.json. A run.json from a
 * newer quire is refused rather than misread; a damaged one is reported.
 */
export async function readRunKind(directory: string): Promise<RunKind | undefined> {
  const header = await readRunJson({ directory, name: runFiles.info, schema: RunHeaderSchema });
  if (header === undefined) return undefined;
  if (header.version > runFormatVersion) {
    throw new RunDirectoryError({
      message: `${directory} was written by a newer quire (run format ${header.version}, this quire reads ${runFormatVersion}): upgrade quire to continue it.`,
      directory,
      problem: 'newerFormat',
    });
  }
  return header.task?.kind ?? 'prose';
}

/** Reads and checks the run.json of a write run: a directory without one is not a run. */
export async function readRunInfo(directory: string): Promise<RunInfo> {
  const kind = await readRunKind(directory);
  if (kind === undefined) {
    throw new RunDirectoryError({
      message: `${directory} is not a quire run (no ${runFiles.info}): pass a directory made by quire write or quire code.`,
      directory,
      problem: 'notARun',
    });
  }
  if (kind !== 'prose') {
    throw new RunDirectoryError({
      message: `${directory} holds a quire code run: continue it with quire resume or quire code --out.`,
      directory,
      problem: 'notARun',
    });
  }
  return (await readRunJson({ directory, name: runFiles.info, schema: RunInfoSchema }))!;
}

function parseRunFile<T extends z.ZodType>({
  directory,
  name,
  text,
  schema,
}: {
  directory: string;
  name: string;
  text: string;
  schema: T;
}): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt({ directory, name, detail: (error as Error).message });
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw corrupt({
      directory,
      name,
      detail: `${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    });
  }
  return result.data;
}

function corrupt({ directory, name, detail }: { directory: string; name: string; detail: string }) {
  return new RunDirectoryError({
    message: `${join(directory, name)} is damaged (${detail}): restore it or start a new run.`,
    directory,
    problem: 'corrupt',
  });
}

/** Temporary files of writes cut by a crash: never content, always safe to remove. */
async function removeTemporaryFiles(directory: string): Promise<void> {
  const sections = join(directory, runFiles.sections);
  const thinking = join(directory, runFiles.thinking);
  const folders = [directory];
  for (const folder of [sections, thinking]) {
    if (await sectionsFolderExists(folder)) folders.push(folder);
  }
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => name.endsWith(temporarySuffix))
        .map((name) => rm(join(folder, name), { force: true })),
    );
  }
}
