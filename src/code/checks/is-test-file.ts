const script = /\.(c|m)?js$/;

/**
 * True for a path `node --test` would run when given no arguments: `*.test.js`, `*-test.js`,
 * `*_test.js`, `test-*.js`, `test.js` (each also `.cjs`/`.mjs`) anywhere, and every script
 * under a `test` folder; never inside `node_modules`. Matching Node's own rules keeps a plain
 * `node --test` outside quire running exactly the tests quire ran. Pure.
 */
export function isTestFile(path: string): boolean {
  const segments = path.split('/');
  const name = segments.at(-1) ?? '';
  if (!script.test(name) || segments.includes('node_modules')) return false;
  if (segments.slice(0, -1).includes('test')) return true;
  const stem = name.replace(script, '');
  return stem === 'test' || stem.startsWith('test-') || /[.\-_]test$/.test(stem);
}
