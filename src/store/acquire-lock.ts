import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { LockHeldError, type LockHolder } from '../errors/lock-held-error.js';
import { readFileBounded } from '../util/read-file-bounded.js';
import { temporarySuffix } from '../util/write-file-atomic.js';
import { storeWriteError } from './write-output-file.js';

/**
 * Why a lock file and not an OS lock: Node has no `flock` without native code, and
 * `proper-lockfile` keeps a lock alive by rewriting its mtime on a timer, which a paused or busy
 * process can miss (the lock is then stolen from a live writer). Like git's `index.lock`, quire
 * creates the lock file exclusively; like many tools it records pid, host and start time, so a
 * lock left by a process that died (kill -9, a power cut) is recognised and taken over: its pid
 * no longer runs on this host. The record is written to a private file first and hard-linked
 * into place, so nobody ever reads a half-written lock. A lock held from another host (a shared
 * disk) is never broken automatically: its message says which host and how to remove it.
 */

/** A lock this process holds; `release` removes it (once). */
export interface HeldLock {
  path: string;
  release(): Promise<void>;
}

/** Lock files this process holds, removed even when it exits without releasing them. */
const held = new Set<string>();
let exitHookInstalled = false;

/**
 * Takes the exclusive lock `path` for `what` (e.g. `run outputs/x`). Throws `LockHeldError`
 * naming the holder (pid, host, start time) when a live process holds it.
 */
export async function acquireLock({
  path,
  what,
  now = Date.now(),
}: {
  path: string;
  /** What the lock protects, as the user knows it, for the message. */
  what: string;
  now?: number;
}): Promise<HeldLock> {
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date(now).toISOString(),
  };
  const record = `${JSON.stringify(holder)}\n`;
  // A few rounds: each one that finds a dead holder's lock removes it and tries again.
  for (let round = 0; round < 5; round++) {
    if (await tryCreate({ path, record })) return hold(path);
    const current = await readHolder(path);
    if (current === 'gone') continue;
    if (current === undefined || held.has(path) || !isStale(current))
      throw heldError({ path, what, holder: current });
    await breakStaleLock({ path, stale: current, what });
  }
  throw heldError({ path, what, holder: undefined });
}

/** Creates the lock file with its full record, or returns false when one exists. */
async function tryCreate({ path, record }: { path: string; record: string }): Promise<boolean> {
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}${temporarySuffix}`;
  try {
    await writeFile(draft, record, { flag: 'wx' });
    await link(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw storeWriteError({ path, error });
  } finally {
    await unlink(draft).catch(() => {});
  }
}

/** The holder a lock file names; `gone` when it vanished; undefined when it is unreadable. */
async function readHolder(path: string): Promise<LockHolder | 'gone' | undefined> {
  const read = await readFileBounded({ path, maxBytes: 4096, followLinks: false });
  if (!read.ok) return read.problem === 'missing' ? 'gone' : undefined;
  try {
    const value = JSON.parse(read.bytes.toString('utf8')) as Partial<LockHolder>;
    if (
      Number.isInteger(value.pid) &&
      typeof value.host === 'string' &&
      typeof value.startedAt === 'string'
    ) {
      return value as LockHolder;
    }
  } catch {
    // Not a record quire wrote: reported as a lock of unknown origin.
  }
  return undefined;
}

/** A lock whose holder died: same host, and its pid runs no more (or is this process's own pid). */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  // This process does not hold it (it would be in `held`), so its pid was reused: the holder died.
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/**
 * Removes a dead holder's lock. A guard file makes sure two processes that found the same stale
 * lock do not both remove it (the second would delete the first one's fresh lock).
 */
async function breakStaleLock({
  path,
  stale,
  what,
}: {
  path: string;
  stale: LockHolder;
  what: string;
}): Promise<void> {
  const guard = await acquireLock({ path: `${path}.break`, what });
  try {
    const current = await readHolder(path);
    if (current !== 'gone' && current !== undefined && sameHolder(current, stale)) {
      await unlink(path).catch(() => {});
    }
  } finally {
    await guard.release();
  }
}

function sameHolder(left: LockHolder, right: LockHolder): boolean {
  return left.pid === right.pid && left.host === right.host && left.startedAt === right.startedAt;
}

function hold(path: string): HeldLock {
  held.add(path);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A process that exits on a second Ctrl-C or process.exit skips `finally` blocks.
    process.once('exit', () => {
      for (const each of held) {
        try {
          unlinkSync(each);
        } catch {
          // Already gone.
        }
      }
    });
  }
  let released = false;
  return {
    path,
    release: async () => {
      if (released) return;
      released = true;
      held.delete(path);
      await unlink(path).catch(() => {});
    },
  };
}

function heldError({
  path,
  what,
  holder,
}: {
  path: string;
  what: string;
  holder: LockHolder | undefined;
}): LockHeldError {
  const who =
    holder === undefined
      ? 'another process (its lock file is not one quire wrote)'
      : `quire process ${holder.pid} on ${holder.host}, started ${holder.startedAt}`;
  return new LockHeldError({
    message: `${what} is in use by ${who}: wait for it to finish or stop it; if it no longer runs, delete ${path}.`,
    lockPath: path,
    holder,
  });
}
