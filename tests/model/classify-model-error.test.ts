import { describe, expect, it } from 'vitest';
import { classifyModelError } from '../../src/model/classify-model-error.js';
import { parseRetryAfter } from '../../src/model/retry-after.js';
import { httpError } from '../helpers/api-errors.js';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('classifyModelError', () => {
  it.each([
    [408, 'serverError', true],
    [409, 'serverError', true],
    [429, 'rateLimited', true],
    [500, 'serverError', true],
    [503, 'serverError', true],
    [400, 'rejected', false],
    [404, 'rejected', false],
    [422, 'rejected', false],
    [401, 'authentication', false],
    [403, 'authentication', false],
  ])('status %i is %s (retryable: %s)', (status, kind, retryable) => {
    expect(classifyModelError({ error: httpError(status), now })).toMatchObject({
      kind,
      retryable,
    });
  });

  it('treats connection failures as retryable network errors', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    expect(classifyModelError({ error, now })).toMatchObject({ kind: 'network', retryable: true });
  });

  it('does not retry programming errors', () => {
    expect(classifyModelError({ error: new RangeError('bad'), now }).retryable).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    [{ 'retry-after': '2' }, 2_000],
    [{ 'Retry-After': '1.5' }, 1_500],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, 5_000],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%o → %s ms', (headers, expected) => {
    expect(parseRetryAfter({ headers, now })).toBe(expected);
  });
});
