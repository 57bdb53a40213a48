/**
 * Notes that explain, in the model's terms, a failure the sandbox caused: a limit reached or an
 * access the sandbox forbids. Derived from the process's output, so the model learns why its
 * code failed and what is allowed instead. Pure.
 */
export function sandboxHints({
  output,
  memoryLimitMb,
  diskQuotaMb,
}: {
  output: string;
  memoryLimitMb: number;
  diskQuotaMb: number;
}): string[] {
  const hints: string[] = [];
  if (
    /heap out of memory|allocation failed|out of memory|Cannot allocate memory|std::bad_alloc/i.test(
      output,
    )
  ) {
    hints.push(
      `The process reached its memory limit (${memoryLimitMb} MB of heap, and the same for all its memory besides Node's own).`,
    );
  }
  if (/\b(ENOSPC|EFBIG)\b/.test(output)) {
    hints.push(
      `The process reached its disk quota: ${diskQuotaMb} MB for everything it writes, and for any one file.`,
    );
  }
  if (/\bEROFS\b/.test(output)) {
    hints.push(
      'The project is read-only while tests run: write scratch files under os.tmpdir() instead.',
    );
  }
  if (/\bEACCES\b/.test(output)) {
    hints.push(
      "A file was not readable by the unprivileged user tests run as: the project's files must be readable by everyone.",
    );
  }
  if (/ERR_ACCESS_DENIED/.test(output)) {
    hints.push(
      'Tests may read only the project and os.tmpdir(), write only under os.tmpdir(), and start no child processes or workers.',
    );
  }
  if (/\b(ECONNREFUSED|ENETUNREACH|EAI_AGAIN|ENOTFOUND)\b/.test(output)) {
    hints.push(
      'Tests have no network: nothing outside the test process can be reached; start servers inside the test on 127.0.0.1.',
    );
  }
  return hints;
}
