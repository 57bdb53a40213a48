import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { ContextOverflowError } from '../../src/errors/context-overflow-error.js';
import { ModelOutputError } from '../../src/errors/model-output-error.js';
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

  it('leaves a prompt too long for the window to the caller', () => {
    const error = new ContextOverflowError({
      message: 'too long',
      reason: 'refused',
      sentTokens: 9,
    });
    expect(classifyModelError({ error, now })).toEqual({
      kind: 'contextOverflow',
      retryable: false,
      statusCode: undefined,
      retryAfterMs: undefined,
      summary: 'too long',
    });
  });

  it.each([
    ['timeout', 'timeout', true],
    ['invalidJson', 'badFormat', true],
    ['schemaMismatch', 'badFormat', true],
    ['empty', 'badOutput', true],
    ['thinkingExhausted', 'badOutput', false],
  ] as const)('an unusable reply (%s) is %s (retryable: %s)', (problem, kind, retryable) => {
    const error = new ModelOutputError({ message: `reply: ${problem}`, problem });
    expect(classifyModelError({ error, now })).toEqual({
      kind,
      retryable,
      statusCode: undefined,
      retryAfterMs: undefined,
      summary: `reply: ${problem}`,
    });
  });

  it('retries a failed connection, and a reply the stream broke, both without a status', () => {
    const failed = new APICallError({
      message: 'Cannot connect\nstack',
      url: 'http://127.0.0.1/v1',
      requestBodyValues: {},
    });
    expect(classifyModelError({ error: failed, now })).toMatchObject({
      kind: 'network',
      retryable: true,
      summary: 'network: Cannot connect',
    });
    const broken = new APICallError({
      message: 'Invalid JSON',
      url: 'http://127.0.0.1/v1',
      requestBodyValues: {},
      statusCode: 200,
    });
    expect(classifyModelError({ error: broken, now })).toMatchObject({
      kind: 'badOutput',
      retryable: true,
      statusCode: 200,
      summary: '200: Invalid JSON',
    });
    const reset = new APICallError({
      message: 'terminated',
      url: 'http://127.0.0.1/v1',
      requestBodyValues: {},
      statusCode: 200,
      cause: new TypeError('terminated'),
    });
    expect(classifyModelError({ error: reset, now }).kind).toBe('network');
  });

  it('retries a 425 and reads how long a rate limit asks to wait', () => {
    expect(classifyModelError({ error: httpError(425), now })).toMatchObject({
      kind: 'serverError',
      retryable: true,
    });
    expect(
      classifyModelError({ error: httpError(429, { 'retry-after': '3' }), now }),
    ).toMatchObject({
      kind: 'rateLimited',
      statusCode: 429,
      retryAfterMs: 3_000,
      summary: '429: HTTP 429',
    });
  });

  it.each([
    ['ECONNRESET', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['UND_ERR_SOCKET', new Error('other side closed', { cause: { code: 'UND_ERR_SOCKET' } })],
    ['a network TypeError', new TypeError('network error')],
  ])('treats %s as a network error', (_name, error) => {
    expect(classifyModelError({ error, now })).toMatchObject({
      kind: 'network',
      retryable: true,
      summary: error.message,
    });
  });

  it('looks for a network cause four errors deep, and no deeper', () => {
    const nest = (depth: number): unknown =>
      depth === 0
        ? { code: 'ECONNRESET' }
        : new Error(`level ${depth}`, { cause: nest(depth - 1) });
    expect(classifyModelError({ error: nest(4), now }).kind).toBe('network');
    expect(classifyModelError({ error: nest(5), now }).kind).toBe('rejected');
  });

  it('summarises any other failure by its first line, cut and without credentials', () => {
    expect(classifyModelError({ error: 'plain failure', now })).toMatchObject({
      kind: 'rejected',
      summary: 'plain failure',
    });
    const long = classifyModelError({ error: new Error(`${'x'.repeat(250)}\nmore`), now });
    expect(long.summary).toBe(`${'x'.repeat(200)}…`);
    const leaked = classifyModelError({ error: new Error('bad key sk-abcdefghij'), now });
    expect(leaked.summary).toBe('bad key sk-***');
    expect(classifyModelError({ error: new Error('x'.repeat(200)), now }).summary).toBe(
      'x'.repeat(200),
    );
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
    [undefined, undefined],
    [{ 'retry-after': '  ' }, undefined],
    [{ 'retry-after-ms': '-5', 'retry-after': '1' }, 1_000],
    [{ 'retry-after-ms': '0' }, 0],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, 0],
    [{ 'retry-after': '2 seconds' }, undefined],
  ])('%o → %s ms', (headers, expected) => {
    expect(parseRetryAfter({ headers, now })).toBe(expected);
  });
});
