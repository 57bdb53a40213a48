/** Writable memory Node needs for itself (thread stacks, code, start-up), on top of the limit. */
export const runtimeAllowanceMb = 64;
/**
 * Address space allowed beyond writable memory: V8 and WebAssembly reserve far more address
 * space than they touch (about 10 GB per WebAssembly memory), so a tight address-space limit
 * breaks valid programs while the writable-memory limit is what bounds real use.
 */
export const addressReserveMb = 16 * 1024;
/** Processes and threads generated code may start beyond those its user already has. */
export const taskAllowance = 64;
/** Open files per process. */
export const openFilesLimit = 1024;

const mebibyte = 1024 * 1024;

/**
 * The `prlimit` options that put kernel limits on a generated process: writable memory
 * (RLIMIT_DATA, which counts heap, buffers and thread stacks), address space (RLIMIT_AS, loose),
 * file size, open files, no core dumps, and, when given, processes (RLIMIT_NPROC, counted per
 * user, threads included). Soft and hard limits are equal, so the code cannot raise them. Pure.
 */
export function limitArguments({
  memoryLimitMb,
  diskQuotaMb,
  taskLimit,
}: {
  memoryLimitMb: number;
  diskQuotaMb: number;
  /** RLIMIT_NPROC; undefined leaves it as it is (it would not bind, e.g. for root). */
  taskLimit: number | undefined;
}): string[] {
  const data = (memoryLimitMb + runtimeAllowanceMb) * mebibyte;
  return [
    `--data=${data}`,
    `--as=${data + addressReserveMb * mebibyte}`,
    `--fsize=${diskQuotaMb * mebibyte}`,
    `--nofile=${openFilesLimit}`,
    '--core=0',
    ...(taskLimit === undefined ? [] : [`--nproc=${taskLimit}`]),
  ];
}
