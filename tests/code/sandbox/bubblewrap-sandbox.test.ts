import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskAllowance } from '../../../src/code/sandbox/limit-arguments.js';
import type { Sandbox } from '../../../src/code/sandbox/sandbox.js';
import { openWorkspace } from '../../../src/code/workspace/workspace.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { bubblewrapOrRefusal, forkLoopScript } from '../helpers/sandbox.js';

/**
 * Each kernel-level wall of the bubblewrap sandbox, reached directly: Node's permission model is
 * turned off, so only the sandbox stands in the way. Every probe is bounded, so it cannot hurt
 * the machine even if a wall were missing. Where bubblewrap cannot run, the tests check that
 * quire refuses instead.
 */
describe('the bubblewrap sandbox', { timeout: 60_000 }, () => {
  const tempDir = useTempDir();

  /** Runs `script` (CommonJS) in the sandbox; resolves with its last line of output, parsed. */
  async function probe(
    sandbox: Sandbox,
    script: string,
    limits: { memoryLimitMb?: number; diskQuotaMb?: number; timeoutMs?: number } = {},
  ) {
    const workspace = await openWorkspace({ root: join(await tempDir(), 'workspace') });
    await workspace.write('probe.cjs', script);
    const outcome = await sandbox.run({
      root: workspace.root,
      args: ['--', './probe.cjs'],
      timeoutMs: limits.timeoutMs ?? 30_000,
      memoryLimitMb: limits.memoryLimitMb ?? 64,
      diskQuotaMb: limits.diskQuotaMb ?? 8,
      permissionModel: false,
    });
    const last = outcome.stdout.trim().split('\n').at(-1) ?? '';
    return { outcome, result: last.startsWith('{') ? JSON.parse(last) : undefined };
  }

  it('stops a fork loop at the process limit (200 tries at most)', async () => {
    const sandbox = await bubblewrapOrRefusal();
    if (sandbox === undefined) return;
    const { result } = await probe(sandbox, forkLoopScript);
    expect(result.failed).toBe('EAGAIN');
    expect(result.started).toBeGreaterThan(0);
    expect(result.started).toBeLessThan(taskAllowance);
  });

  it('runs as an unprivileged user with no capabilities, and no new privileges', async () => {
    const sandbox = await bubblewrapOrRefusal();
    if (sandbox === undefined) return;
    const { result } = await probe(
      sandbox,
      `const status = require('node:fs').readFileSync('/proc/self/status', 'utf8');
const field = (name) => new RegExp('^' + name + ':\\\\s+(\\\\S+)', 'm').exec(status)[1];
console.log(JSON.stringify({ uid: process.getuid(), capabilities: field('CapEff'), bounding: field('CapBnd'), noNewPrivileges: field('NoNewPrivs') }));`,
    );
    expect(result.capabilities).toBe('0000000000000000');
    expect(result.noNewPrivileges).toBe('1');
    if (process.getuid?.() === 0) {
      expect(result.uid).toBeGreaterThanOrEqual(61_184);
      expect(result.bounding).toBe('0000000000000000');
    } else expect(result.uid).toBe(process.getuid?.());
  });

  it('refuses memory beyond the limit, off the V8 heap too (one 1 GiB allocation)', async () => {
    const sandbox = await bubblewrapOrRefusal();
    if (sandbox === undefined) return;
    const { result } = await probe(
      sandbox,
      `let outcome;
try { outcome = 'allocated ' + Buffer.alloc(1024 ** 3).length; } catch (error) { outcome = error.message; }
console.log(JSON.stringify({ outcome }));`,
    );
    expect(result.outcome).toMatch(/allocation failed/);
  });

  it('holds the disk quota for one file and for all files together, and keeps the project read-only', async () => {
    const sandbox = await bubblewrapOrRefusal();
    if (sandbox === undefined) return;
    const { result } = await probe(
      sandbox,
      `const fs = require('node:fs');
const tmp = require('node:os').tmpdir();
const attempt = (write) => { try { write(); return 'written'; } catch (error) { return error.code; } };
const chunk = Buffer.alloc(3 * 1024 * 1024, 1);
const total = [1, 2, 3].map((n) => attempt(() => fs.writeFileSync(tmp + '/part' + n, chunk)));
for (const n of [1, 2, 3]) fs.rmSync(tmp + '/part' + n, { force: true });
const bigFile = attempt(() => fs.writeFileSync(tmp + '/big', Buffer.alloc(9 * 1024 * 1024, 1)));
fs.rmSync(tmp + '/big', { force: true });
console.log(JSON.stringify({
  total,
  bigFile,
  sparse: attempt(() => { const fd = fs.openSync(tmp + '/sparse', 'w'); fs.ftruncateSync(fd, 20 * 1024 ** 3); }),
  project: attempt(() => fs.writeFileSync('planted.js', 'x')),
  shm: attempt(() => fs.writeFileSync('/dev/shm/x', 'x')),
}));`,
      { diskQuotaMb: 8 },
    );
    expect(result).toEqual({
      total: ['written', 'written', 'ENOSPC'],
      bigFile: 'EFBIG',
      sparse: 'EFBIG',
      project: 'EROFS',
      shm: 'EROFS',
    });
  });

  it('caps open files', async () => {
    const sandbox = await bubblewrapOrRefusal();
    if (sandbox === undefined) return;
    const { result } = await probe(
      sandbox,
      `const fs = require('node:fs');
let opened = 0, failed = null;
for (let i = 0; i < 3000; i++) { try { fs.openSync('/dev/null', 'r'); opened++; } catch (error) { failed = error.code; break; } }
console.log(JSON.stringify({ opened, failed }));`,
    );
    expect(result.failed).toBe('EMFILE');
    expect(result.opened).toBeLessThan(1024);
  });

  it('has no network beyond its own loopback, and no Unix socket of the host', async () => {
    const sandbox = await bubblewrapOrRefusal();
    if (sandbox === undefined) return;
    const base = await tempDir();
    const connections: string[] = [];
    const listen = (server: Server, where: string | number) =>
      new Promise<void>((resolve) => server.listen(where, resolve));
    const tcp = createServer(() => connections.push('tcp'));
    const unix = createServer(() => connections.push('unix'));
    const abstract = createServer(() => connections.push('abstract'));
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const port = (tcp.address() as { port: number }).port;
    await listen(unix, join(base, 'quire.sock'));
    const abstractName = `\0quire-test-${process.pid}-${Date.now()}`;
    await listen(abstract, abstractName);
    try {
      const { result } = await probe(
        sandbox,
        `const net = require('node:net');
const reach = (target) => new Promise((resolve) => {
  const socket = net.connect(target, () => { socket.destroy(); resolve('connected'); });
  socket.on('error', (error) => resolve(error.code));
  setTimeout(() => { socket.destroy(); resolve('timeout'); }, 3000);
});
(async () => {
  const own = net.createServer((socket) => socket.end());
  await new Promise((resolve) => own.listen(0, '127.0.0.1', resolve));
  const results = {
    hostTcp: await reach({ host: '127.0.0.1', port: ${port} }),
    hostUnix: await reach(${JSON.stringify(join(base, 'quire.sock'))}),
    hostAbstract: await reach(${JSON.stringify(abstractName)}),
    ownLoopback: await reach({ host: '127.0.0.1', port: own.address().port }),
  };
  own.close();
  console.log(JSON.stringify(results));
})();`,
      );
      expect(result).toEqual({
        hostTcp: 'ECONNREFUSED',
        hostUnix: 'ENOENT',
        hostAbstract: 'ECONNREFUSED',
        ownLoopback: 'connected',
      });
      expect(connections).toEqual([]);
    } finally {
      for (const server of [tcp, unix, abstract]) server.close();
    }
  });

  it('sees only its own processes: quire cannot be signalled or read', async () => {
    const sandbox = await bubblewrapOrRefusal();
    if (sandbox === undefined) return;
    const { result } = await probe(
      sandbox,
      `const fs = require('node:fs');
const attempt = (act) => { try { act(); return 'done'; } catch (error) { return error.code; } };
console.log(JSON.stringify({
  pids: fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name)).length,
  killQuire: attempt(() => process.kill(${process.pid}, 'SIGTERM')),
  readQuire: attempt(() => fs.readFileSync('/proc/${process.pid}/environ')),
  killParent: attempt(() => process.kill(process.ppid, 'SIGKILL')),
}));`,
    );
    expect(result.pids).toBeLessThanOrEqual(3);
    expect(result.killQuire).toBe('ESRCH');
    expect(result.readQuire).toBe('ENOENT');
    expect(['EPERM', 'done']).toContain(result.killParent);
  });

  it('kills everything the code started when its time runs out', async () => {
    const sandbox = await bubblewrapOrRefusal();
    if (sandbox === undefined) return;
    const marker = String(900 + (process.pid % 99) + Math.random()).slice(0, 12);
    const { outcome } = await probe(
      sandbox,
      `const { spawn } = require('node:child_process');
for (let i = 0; i < 3; i++) spawn('/usr/bin/sleep', ['${marker}'], { stdio: 'ignore', detached: true });
setInterval(() => {}, 1000);`,
      { timeoutMs: 2_000 },
    );
    expect(outcome.timedOut).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const survivors = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
        } catch {
          return false;
        }
      });
    expect(survivors).toEqual([]);
  });
});
