import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** What reading a workspace file found. */
export type BoundedRead =
  | { kind: 'text'; content: string; size: number }
  | { kind: 'notFile' }
  | { kind: 'tooLarge'; size: number };

/**
 * Reads at most `maxBytes` of a file, deciding on the open file itself (so a file swapped after
 * a check cannot slip through): a FIFO, device or socket is `notFile` and is never read (the
 * open does not block on a FIFO), and with `whole`, a file larger than `maxBytes` (a sparse file
 * of many gigabytes, say) is `tooLarge` without a byte read. Without `whole`, the start of any
 * file is returned.
 */
export async function readBoundedFile({
  path,
  maxBytes,
  whole,
}: {
  path: string;
  maxBytes: number;
  whole: boolean;
}): Promise<BoundedRead> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const found = await handle.stat();
    if (!found.isFile()) return { kind: 'notFile' };
    if (whole && found.size > maxBytes) return { kind: 'tooLarge', size: found.size };
    const buffer = Buffer.alloc(Math.min(found.size, maxBytes));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { kind: 'text', content: buffer.subarray(0, filled).toString('utf8'), size: found.size };
  } finally {
    await handle.close();
  }
}
