import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/code/workspace/workspace.js';
import { WorkspacePathError } from '../../../src/errors/workspace-path-error.js';
import { useTempDir } from '../../helpers/temp-dir.js';

describe('workspace confinement', () => {
  const tempDir = useTempDir();

  /** A workspace inside a run folder, beside a secret file and folder it must never reach. */
  async function setup() {
    const base = await tempDir();
    await writeFile(join(base, 'secret.txt'), 'top secret');
    await mkdir(join(base, 'outside'));
    const workspace = await openWorkspace({ root: join(base, 'workspace') });
    await symlink(join(base, 'outside'), join(workspace.root, 'linked-dir'));
    await symlink(join(base, 'secret.txt'), join(workspace.root, 'linked-file'));
    await symlink(join(base, 'missing-target'), join(workspace.root, 'dangling'));
    return { base, workspace };
  }

  const escapes: Array<[string, string, WorkspacePathError['problem']]> = [
    ['parent', '../x', 'escapes'],
    ['parent of the root', '..', 'escapes'],
    ['absolute system file', '/etc/passwd', 'absolute'],
    ['nested parent', 'a/../../x', 'escapes'],
    ['deep parent after folders', 'a/b/c/../../../../secret.txt', 'escapes'],
    ['Windows drive', 'C:\\Windows\\win.ini', 'absolute'],
    ['UNC path', '\\\\server\\share\\x', 'absolute'],
    ['backslash parent', '..\\secret.txt', 'backslash'],
    ['home directory', '~/.ssh/id_rsa', 'home'],
    ['NUL byte', 'ok.js\0../../secret.txt', 'nulByte'],
    ['very long path', `${'a/'.repeat(400)}x.js`, 'tooLong'],
    ['over-long file name', `${'n'.repeat(300)}.js`, 'tooLong'],
    ['symlinked folder leading out', 'linked-dir/new.js', 'symlinkOutside'],
    ['symlinked file leading out', 'linked-file', 'symlinkOutside'],
    ['dangling symlink', 'dangling', 'symlinkOutside'],
    ['empty path', '  ', 'empty'],
    ['a name Node would read as an option', '--require=evil.cjs', 'optionLike'],
    ['an option-like folder', 'src/--import=x/a.js', 'optionLike'],
    ['a single dash', '-', 'optionLike'],
  ];

  it.each(escapes)('refuses writing through %s', async (_name, path, problem) => {
    const { base, workspace } = await setup();
    const before = await readdir(base);
    const error = await workspace.write(path, 'pwned').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkspacePathError);
    expect((error as WorkspacePathError).problem).toBe(problem);
    expect(await readdir(base)).toEqual(before);
    expect(await readdir(join(base, 'outside'))).toEqual([]);
    expect(await readFile(join(base, 'secret.txt'), 'utf8')).toBe('top secret');
  });

  it.each(escapes)('refuses reading through %s', async (_name, path) => {
    const { workspace } = await setup();
    await expect(workspace.read(path)).rejects.toBeInstanceOf(WorkspacePathError);
  });

  // Deleting a link removes the link itself, so only the links' own entries may go.
  const linkEntries = new Set(['linked-file', 'dangling']);
  it.each(escapes.filter(([, path]) => !linkEntries.has(path)))(
    'refuses deleting through %s',
    async (_name, path) => {
      const { base, workspace } = await setup();
      await expect(workspace.remove(path)).rejects.toBeInstanceOf(WorkspacePathError);
      expect(await readFile(join(base, 'secret.txt'), 'utf8')).toBe('top secret');
    },
  );

  it('deletes a link leading out without touching its target', async () => {
    const { base, workspace } = await setup();
    await workspace.remove('linked-file');
    await workspace.remove('dangling');
    expect(await readFile(join(base, 'secret.txt'), 'utf8')).toBe('top secret');
    expect((await workspace.list()).symlinks).toEqual(['linked-dir']);
  });

  it('refuses listing a folder through a symlink that leads out, or one that does not exist', async () => {
    const { workspace } = await setup();
    await expect(workspace.list({ directory: 'nowhere' })).rejects.toMatchObject({
      problem: 'notFound',
    });
    await expect(workspace.list({ directory: 'linked-dir' })).rejects.toBeInstanceOf(
      WorkspacePathError,
    );
  });

  it('writes, reads, lists and deletes inside, normalising harmless paths', async () => {
    const { workspace } = await setup();
    expect(await workspace.write('./src//app.js', 'export const a = 1;\n')).toEqual({
      path: 'src/app.js',
      created: true,
    });
    expect(await workspace.write('src/lib/../app.js', 'export const a = 2;\n')).toEqual({
      path: 'src/app.js',
      created: false,
    });
    expect((await workspace.read('src/app.js')).content).toBe('export const a = 2;\n');
    const listing = await workspace.list();
    expect(listing.files.map((file) => file.path)).toEqual(['src/app.js']);
    expect(listing.symlinks.sort()).toEqual(['dangling', 'linked-dir', 'linked-file']);
    await workspace.remove('src/app.js');
    await expect(workspace.read('src/app.js')).rejects.toMatchObject({ problem: 'notFound' });
  });

  it('replaces a planted symlink on write instead of writing through it', async () => {
    const { base, workspace } = await setup();
    // A link that points inside is allowed to be read, but a write renames over the link itself.
    await writeFile(join(workspace.root, 'real.js'), 'original');
    await symlink(join(workspace.root, 'real.js'), join(workspace.root, 'alias.js'));
    await workspace.write('alias.js', 'replaced');
    expect(await readFile(join(workspace.root, 'real.js'), 'utf8')).toBe('original');
    expect(await readFile(join(workspace.root, 'alias.js'), 'utf8')).toBe('replaced');
    expect(await readFile(join(base, 'secret.txt'), 'utf8')).toBe('top secret');
  });

  it('refuses to write over a folder or to the root itself', async () => {
    const { workspace } = await setup();
    await workspace.write('src/a.js', '');
    await expect(workspace.write('src', 'x')).rejects.toMatchObject({ problem: 'notFile' });
    await expect(workspace.write('.', 'x')).rejects.toMatchObject({ problem: 'notFile' });
    await expect(workspace.remove('src')).rejects.toMatchObject({ problem: 'notFile' });
  });

  it('makes its folders and files readable by others whatever the umask (generated code may run as another user)', async () => {
    const base = await tempDir();
    const previous = process.umask(0o077);
    try {
      const workspace = await openWorkspace({ root: join(base, 'run', 'workspace') });
      await workspace.write('src/deep/a.js', 'export const a = 1;\n');
      const mode = async (path: string) => (await stat(join(workspace.root, path))).mode & 0o777;
      expect(await mode('.')).toBe(0o755);
      expect(await mode('src')).toBe(0o755);
      expect(await mode('src/deep')).toBe(0o755);
      expect(await mode('src/deep/a.js')).toBe(0o644);
    } finally {
      process.umask(previous);
    }
  });
});

describe('workspace reads', () => {
  const tempDir = useTempDir();

  it('refuses a file over its size limit without reading it, yet summarises its start', async () => {
    const workspace = await openWorkspace({ root: join(await tempDir(), 'workspace') });
    await workspace.write('big.js', '// A huge file.\n');
    // A sparse 20 GB file, as a hostile downloaded run could hold: nothing may read it whole.
    await truncate(join(workspace.root, 'big.js'), 20 * 1024 ** 3);
    await expect(workspace.read('big.js')).rejects.toMatchObject({
      problem: 'tooLarge',
      message: expect.stringContaining('21474836480 bytes'),
    });
    const start = await workspace.readStart('big.js', 16);
    expect(start.content).toBe('// A huge file.\n');
  });

  it('never reads a FIFO (which would block) or follows a workspace that is itself a link', async () => {
    const base = await tempDir();
    const workspace = await openWorkspace({ root: join(base, 'workspace') });
    if (process.platform !== 'win32') {
      expect(spawnSync('mkfifo', [join(workspace.root, 'pipe.js')]).status).toBe(0);
      await expect(workspace.read('pipe.js')).rejects.toMatchObject({ problem: 'notFile' });
      await expect(workspace.readStart('pipe.js', 10)).rejects.toMatchObject({
        problem: 'notFile',
      });
    }
    await mkdir(join(base, 'elsewhere'));
    await symlink(join(base, 'elsewhere'), join(base, 'linked-workspace'));
    await expect(openWorkspace({ root: join(base, 'linked-workspace') })).rejects.toMatchObject({
      problem: 'rootNotFolder',
      message: expect.stringContaining('is a symbolic link'),
    });
    await writeFile(join(base, 'file-workspace'), '');
    await expect(openWorkspace({ root: join(base, 'file-workspace') })).rejects.toMatchObject({
      problem: 'rootNotFolder',
    });
    expect(await readdir(join(base, 'elsewhere'))).toEqual([]);
  });
});
