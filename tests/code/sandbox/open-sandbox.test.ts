import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/cli/format-error.js';
import { openSandbox } from '../../../src/code/sandbox/open-sandbox.js';
import { SandboxUnavailableError } from '../../../src/errors/sandbox-unavailable-error.js';
import { bubblewrapOrRefusal } from '../helpers/sandbox.js';

const missingTools = {
  bwrap: 'quire-missing-bwrap',
  prlimit: 'prlimit',
  setpriv: 'setpriv',
};

describe('openSandbox', () => {
  it('uses bubblewrap where it runs here, and otherwise refuses (never unconfined by accident)', async () => {
    const sandbox = await bubblewrapOrRefusal();
    if (sandbox !== undefined) expect(sandbox.weakness).toBeUndefined();
  });

  it('refuses with one line naming what is missing and both ways out, as an input error', async () => {
    const error = await openSandbox({ toolNames: missingTools }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SandboxUnavailableError);
    expect((error as SandboxUnavailableError).weakness).toBe('bubblewrap (bwrap) is not installed');
    const report = formatError({ error, command: 'code' });
    expect(report.exitCode).toBe(2);
    expect(report.message.split('\n')).toHaveLength(1);
    expect(report.message).toMatch(/apt-get install bubblewrap.*--allow-unconfined/);
  });

  it.each([
    [
      'a missing prlimit',
      { ...missingTools, bwrap: 'bwrap', prlimit: 'quire-missing-prlimit' },
      1000,
      'linux',
      /prlimit/,
    ],
    [
      'a missing setpriv under root',
      { ...missingTools, bwrap: 'bwrap', setpriv: 'quire-missing-setpriv' },
      0,
      'linux',
      /setpriv/,
    ],
    ['another system', missingTools, 1000, 'darwin', /only on Linux, and this is darwin/],
  ] as const)('names %s', async (_name, toolNames, userId, platform, reason) => {
    const error = await openSandbox({ toolNames, userId, platform }).catch(
      (caught: unknown) => caught,
    );
    expect((error as SandboxUnavailableError).weakness).toMatch(reason);
  });

  it('with allowUnconfined, returns the unconfined sandbox, which says why', async () => {
    const sandbox = await openSandbox({ toolNames: missingTools, allowUnconfined: true });
    expect(sandbox.confinement).toBe('unconfined');
    expect(sandbox.weakness).toBe('bubblewrap (bwrap) is not installed');
  });

  it('reports what bubblewrap itself says when it cannot start a sandbox', async () => {
    // `false` stands in for a bwrap that fails, as it does where user namespaces are disabled.
    const error = await openSandbox({
      toolNames: { ...missingTools, bwrap: 'false' },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SandboxUnavailableError);
    expect((error as SandboxUnavailableError).weakness).toMatch(
      /^bubblewrap could not start a sandbox \(exit 1\)$/,
    );
  });
});
