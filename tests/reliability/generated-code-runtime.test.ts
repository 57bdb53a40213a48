import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passedVariables } from '../../src/code/sandbox/sanitise-environment.js';
import { useTempDir } from '../helpers/temp-dir.js';
import {
  attackTest,
  attackTurns,
  attemptEscape,
  expectReported,
} from './helpers/escape-attempt.js';

/**
 * Escape attempts by running code: a scripted model writes the test an attacker would and runs
 * it. Each attempt must fail, and quire must finish the run and tell the model why. Every probe
 * is bounded, so it cannot hurt the machine even if the sandbox were broken.
 */
describe('generated code that attacks at run time', { timeout: 120_000 }, () => {
  const tempDir = useTempDir();
  const started: ChildProcess[] = [];
  const servers: Server[] = [];
  afterEach(() => {
    for (const child of started.splice(0)) child.kill('SIGKILL');
    for (const server of servers.splice(0)) server.close();
  });

  /** A server on the host that counts the connections it gets. */
  async function hostServer(where: string | { port: 0; host: string }) {
    const connections: string[] = [];
    const server = createServer((socket) => {
      connections.push('connected');
      socket.destroy();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(where, resolve));
    return { server, connections };
  }

  const alive = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
    } catch {
      return false;
    }
  };

  it('cannot kill quire, its parent or another process of the machine', async () => {
    const victim = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], {
      stdio: 'ignore',
    });
    started.push(victim);
    const attack = await attemptEscape({
      base: await tempDir(),
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  const results = {};
  for (const [name, pid] of [['parent', process.ppid], ['quire', ${process.pid}], ['victim', ${victim.pid}]]) {
    try { process.kill(pid, 'SIGKILL'); results[name] = 'killed'; } catch (error) { results[name] = error.code; }
  }
  console.log(JSON.stringify(results));
  assert.equal(results.quire, 'killed');
  assert.equal(results.victim, 'killed');`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /"quire":"ESRCH"/);
    expect(attack.feedback).toMatch(/"victim":"ESRCH"/);
    expect(alive(victim.pid!)).toBe(true);
  });

  it('cannot allocate memory off the V8 heap beyond its limit (one 2 GiB buffer)', async () => {
    const attack = await attemptEscape({
      base: await tempDir(),
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  const buffer = Buffer.alloc(2 * 1024 ** 3, 1);
  assert.equal(buffer.length, 2 * 1024 ** 3);`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /allocation failed/);
    expect(attack.feedback).toContain('reached its memory limit');
  });

  it('cannot fork processes in a loop (100 tries at most)', async () => {
    const attack = await attemptEscape({
      base: await tempDir(),
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  const children = [];
  try {
    for (let i = 0; i < 100; i++) children.push(childProcess.spawn('/usr/bin/sleep', ['5'], { stdio: 'ignore' }));
  } finally {
    for (const child of children) child.kill();
  }
  assert.equal(children.length, 100);`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /ERR_ACCESS_DENIED/);
    expect(attack.feedback).toContain('start no child processes');
  });

  it("cannot reach the host's Unix sockets, by path or abstract name", async () => {
    const base = await tempDir();
    const byPath = await hostServer(join(base, 'host.sock'));
    const abstractName = `\0quire-escape-${process.pid}-${Date.now()}`;
    const byName = await hostServer(abstractName);
    const attack = await attemptEscape({
      base,
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  const reach = (target) => new Promise((resolve) => {
    const socket = net.connect(target, () => { socket.destroy(); resolve('connected'); });
    socket.on('error', (error) => resolve(error.code));
  });
  const results = [await reach(${JSON.stringify(join(base, 'host.sock'))}), await reach(${JSON.stringify(abstractName)})];
  console.log(JSON.stringify(results));
  assert.deepEqual(results, ['connected', 'connected']);`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /\["ENOENT","ECONNREFUSED"\]/);
    expect([...byPath.connections, ...byName.connections]).toEqual([]);
  });

  it('cannot open a network connection to the host', async () => {
    const host = await hostServer({ port: 0, host: '127.0.0.1' });
    const port = (host.server.address() as { port: number }).port;
    const attack = await attemptEscape({
      base: await tempDir(),
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  const result = await new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: ${port} }, () => { socket.destroy(); resolve('connected'); });
    socket.on('error', (error) => resolve(error.code));
  });
  console.log('network: ' + result);
  assert.equal(result, 'connected');`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /network: ECONNREFUSED/);
    expect(attack.feedback).toContain('Tests have no network');
    expect(host.connections).toEqual([]);
  });

  it("cannot read quire's secrets from its environment or from /proc/<pid>/environ", async () => {
    const canary = `sk-canary-${process.pid}-${Date.now()}`;
    // quire's own environment as the kernel shows it: none of it may reach the model.
    const ownEnvironment = readFileSync('/proc/self/environ', 'utf8')
      .split('\0')
      .filter((entry) => entry.length >= 12)
      .filter((entry) => !(passedVariables as readonly string[]).includes(entry.split('=')[0]!));
    const attack = await attemptEscape({
      base: await tempDir(),
      env: { ...process.env, OPENAI_API_KEY: canary, QUIRE_TEST_TOKEN: canary },
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  let loot = JSON.stringify(process.env);
  for (const pid of [process.ppid, 1, ${process.pid}, 'self']) {
    try { loot += fs.readFileSync('/proc/' + pid + '/environ', 'utf8'); } catch (error) { loot += ' ' + pid + ':' + error.code; }
  }
  try {
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name))) {
      try { loot += fs.readFileSync('/proc/' + pid + '/environ', 'utf8'); } catch {}
    }
  } catch (error) { loot += ' scan:' + error.code; }
  console.log(loot);
  assert.match(loot, /OPENAI_API_KEY|sk-/);`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /ERR_ACCESS_DENIED|ENOENT|EACCES/);
    expect(attack.everything).not.toContain(canary);
    for (const entry of ownEnvironment) expect(attack.everything).not.toContain(entry);
  });

  it('cannot plant a huge sparse file, in the project or in its scratch space', async () => {
    const attack = await attemptEscape({
      base: await tempDir(),
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  const results = [];
  for (const path of ['huge.bin', os.tmpdir() + '/huge.bin']) {
    try { const fd = fs.openSync(path, 'w'); fs.ftruncateSync(fd, 20 * 1024 ** 3); fs.closeSync(fd); results.push('planted'); }
    catch (error) { results.push(error.code); }
  }
  console.log('sparse: ' + results.join(' '));
  assert.ok(results.includes('planted'));`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /sparse: ERR_ACCESS_DENIED EFBIG/);
    expect(await readdir(attack.workspaceRoot)).not.toContain('huge.bin');
  });

  it('cannot fill the disk: everything it writes together stays within the quota', async () => {
    const attack = await attemptEscape({
      base: await tempDir(),
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  const chunk = Buffer.alloc(4 * 1024 * 1024, 1);
  let written = 0;
  try { for (let i = 0; i < 10; i++) { fs.writeFileSync(os.tmpdir() + '/fill-' + i, chunk); written++; } }
  finally { console.log('chunks written: ' + written); }`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /ENOSPC/);
    expect(attack.feedback).toContain('reached its disk quota: 16 MB');
    expect(attack.feedback).toMatch(/chunks written: [0-4]\b/);
  });

  it('cannot change the project it is testing, nor plant code in it', async () => {
    const attack = await attemptEscape({
      base: await tempDir(),
      turns: attackTurns({
        'src/add.js': 'export const add = (a, b) => a - b;\n',
        'test/attack.test.js': attackTest(`
  fs.writeFileSync('src/add.js', 'export const add = (a, b) => a + b;\\n');
  fs.writeFileSync('src/planted.js', 'export const planted = true;\\n');`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /ERR_ACCESS_DENIED/);
    expect(await readFile(join(attack.workspaceRoot, 'src', 'add.js'), 'utf8')).toContain('a - b');
    expect(await readdir(join(attack.workspaceRoot, 'src'))).toEqual(['add.js']);
  });

  it('cannot outlive its time limit, even ignoring signals', async () => {
    const attack = await attemptEscape({
      base: await tempDir(),
      testTimeoutMs: 2_000,
      turns: attackTurns({
        'test/attack.test.js': attackTest(`
  process.on('SIGTERM', () => {});
  process.on('SIGINT', () => {});
  for (;;) {}`),
      }),
    });
    if (attack === undefined) return;
    expectReported(attack, /killed at the time limit of 2000 ms/);
  });
});
