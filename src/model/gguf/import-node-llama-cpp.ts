import { createRequire } from 'node:module';
import type * as NodeLlamaCpp from 'node-llama-cpp';
import { GgufModelError } from '../../errors/gguf-model-error.js';

/** The module quire runs GGUF models with: an optional peer dependency. */
export type NodeLlamaCppModule = typeof NodeLlamaCpp;

/** The package and the version quire is tested with. */
export const nodeLlamaCppPackage = 'node-llama-cpp';
export const nodeLlamaCppVersion = '3.21.1';

/**
 * Throws `GgufModelError` (`missingDependency`) with the one command to run when the package
 * cannot be resolved from quire's own location, where an import of it would look. Synchronous,
 * so a `gguf:` spec fails before a run directory exists. `packageName` is the seam a test uses to
 * name a package that is not installed.
 */
export function checkNodeLlamaCppInstalled({
  path,
  packageName = nodeLlamaCppPackage,
}: {
  /** The model file, for the error. */
  path: string;
  packageName?: string;
}): void {
  try {
    createRequire(import.meta.url).resolve(packageName);
  } catch (error) {
    throw new GgufModelError({
      problem: 'missingDependency',
      path,
      message: `Model "gguf:${path}" needs the optional package ${packageName}, which is not installed: run npm install ${packageName}@${nodeLlamaCppVersion} where quire is installed (with -g beside a global quire).`,
      cause: error,
    });
  }
}

/** Imports the package (see `checkNodeLlamaCppInstalled` for `packageName`). */
export async function importNodeLlamaCpp({
  path,
  packageName = nodeLlamaCppPackage,
}: {
  path: string;
  packageName?: string;
}): Promise<NodeLlamaCppModule> {
  checkNodeLlamaCppInstalled({ path, packageName });
  return (await import(packageName)) as NodeLlamaCppModule;
}
