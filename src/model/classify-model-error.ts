import { APICallError } from 'ai';
import { ContextOverflowError } from '../errors/context-overflow-error.js';
import { ModelOutputError } from '../errors/model-output-error.js';
import { redactSecrets } from '../util/redact-secrets.js';
import { parseRetryAfter } from './retry-after.js';

/** What kind of failure a model call hit, as far as retrying is concerned. */
export type ModelErrorKind =
  | 'rateLimited'
  | 'serverError'
  | 'network'
  | 'timeout'
  | 'badOutput'
  | 'badFormat'
  | 'authentication'
  | 'contextOverflow'
  | 'rejected';

/** The retry layer's reading of one failed attempt. */
export interface ModelErrorClass {
  kind: ModelErrorKind;
  retryable: boolean;
  statusCode: number | undefined;
  /** How long the server asked us to wait, when it said. */
  retryAfterMs: number | undefined;
  /** One line describing the failure, for messages and the journal. */
  summary: string;
}

const retryableStatus = new Set([408, 409, 425, 429]);
const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Classifies an error thrown by one attempt of a model call. Pure. */
export function classifyModelError({
  error,
  now,
}: {
  error: unknown;
  now: number;
}): ModelErrorClass {
  if (error instanceof ContextOverflowError) {
    // The same prompt would not fit again: the caller has to shrink it.
    return {
      kind: 'contextOverflow',
      retryable: false,
      statusCode: undefined,
      retryAfterMs: undefined,
      summary: error.message,
    };
  }
  if (error instanceof ModelOutputError) {
    return {
      kind: error.problem === 'timeout' ? 'timeout' : formatKind(error.problem),
      // Thinking that filled even an enlarged limit (see `streamAnswer`) would only do so again.
      retryable: error.problem !== 'thinkingExhausted',
      statusCode: undefined,
      retryAfterMs: undefined,
      summary: error.message,
    };
  }
  if (APICallError.isInstance(error)) {
    const statusCode = error.statusCode;
    const retryAfterMs = parseRetryAfter({ headers: error.responseHeaders, now });
    const summary = `${statusCode ?? 'network'}: ${firstLine(error.message)}`;
    if (statusCode === undefined || statusCode < 400) {
      // No error status: the connection failed, or it broke or garbled a reply that had begun
      // (the SDK reports a stream cut mid-way as status 200). Another attempt may well succeed.
      const kind = statusCode === undefined || isNetworkError(error) ? 'network' : 'badOutput';
      return { kind, retryable: true, statusCode, retryAfterMs, summary };
    }
    if (statusCode === 401 || statusCode === 403) {
      return { kind: 'authentication', retryable: false, statusCode, retryAfterMs, summary };
    }
    if (statusCode === 429) {
      return { kind: 'rateLimited', retryable: true, statusCode, retryAfterMs, summary };
    }
    if (statusCode >= 500 || retryableStatus.has(statusCode)) {
      return { kind: 'serverError', retryable: true, statusCode, retryAfterMs, summary };
    }
    return { kind: 'rejected', retryable: false, statusCode, retryAfterMs, summary };
  }
  if (isNetworkError(error)) {
    return {
      kind: 'network',
      retryable: true,
      statusCode: undefined,
      retryAfterMs: undefined,
      summary: firstLine(describe(error)),
    };
  }
  return {
    kind: 'rejected',
    retryable: false,
    statusCode: undefined,
    retryAfterMs: undefined,
    summary: firstLine(describe(error)),
  };
}

/** JSON that did not come or did not fit is the model's format, not the server's health. */
function formatKind(problem: ModelOutputError['problem']): 'badFormat' | 'badOutput' {
  return problem === 'invalidJson' || problem === 'schemaMismatch' ? 'badFormat' : 'badOutput';
}

function isNetworkError(error: unknown): boolean {
  for (let current = error, depth = 0; current != null && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.has(code)) return true;
    if (current instanceof TypeError && /fetch failed|terminated|network/i.test(current.message)) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The first line, cut at 200 characters, without credentials: it is journalled and shown. */
function firstLine(text: string): string {
  const line = redactSecrets(text.split('\n', 1)[0] ?? '');
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
