import { describe, expect, it } from 'vitest';
import { baseUrlProblem } from '../../src/config/base-url-problem.js';

describe('baseUrlProblem', () => {
  it.each(['http://localhost:11434/v1', 'https://api.example.com/v1', 'http://127.0.0.1:8787'])(
    'accepts %s',
    (url) => {
      expect(baseUrlProblem(url)).toBeUndefined();
    },
  );

  it.each([
    ['localhost:11434/v1', /scheme localhost: cannot work/],
    ['not a url', /Invalid URL/],
    ['ftp://example.com/v1', /scheme ftp: cannot work: use an http/],
    ['file:///etc/passwd', /scheme file: cannot work/],
    ['http://user:hunter2@example.com/v1', /holds credentials/],
    ['http://token@example.com/v1', /holds credentials/],
    ['http://example.com/v1?key=abc', /has a query or fragment/],
    ['http://example.com/v1#part', /has a query or fragment/],
  ])('refuses %s', (url, problem) => {
    expect(baseUrlProblem(url)).toMatch(problem);
  });

  it('never repeats the secret it refuses', () => {
    expect(baseUrlProblem('https://admin:s3cret-pass@example.com/v1')).not.toContain('s3cret');
  });
});
