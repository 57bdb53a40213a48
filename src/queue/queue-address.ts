import { QueueError } from '../errors/queue-error.js';
import { redactSecrets } from '../util/redact-secrets.js';

/** A checked `--queue` address: the URL to connect to, and how it may be shown. */
export interface QueueAddress {
  url: string;
  /** The URL with its password redacted, for every message and event. */
  shownAs: string;
}

/**
 * Checks a `--queue` value: `redis://` or `rediss://` (TLS), with an optional
 * `user:password@`, a host, a port and a database number. Pure.
 */
export function parseQueueAddress(value: string): QueueAddress {
  const shownAs = redactSecrets(value);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw invalid(`--queue must be a Redis URL such as redis://127.0.0.1:6379, got "${shownAs}".`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw invalid(
      `--queue must start with redis:// (or rediss:// for TLS), got "${shownAs}": e.g. redis://127.0.0.1:6379.`,
    );
  }
  if (parsed.hostname === '') {
    throw invalid(`--queue "${shownAs}" names no host: e.g. redis://127.0.0.1:6379.`);
  }
  const database = parsed.pathname.replace(/^\//, '');
  if (database !== '' && !/^\d{1,2}$/.test(database)) {
    throw invalid(
      `--queue "${shownAs}": the path must be a database number such as /0, got "/${database}".`,
    );
  }
  return { url: value, shownAs };
}

function invalid(message: string): QueueError {
  return new QueueError({ problem: 'url', message });
}
