/** What replaces a secret. */
export const redacted = '***';

// `scheme://user:password@` or `scheme://token@`: the user name stays, the rest goes (as curl
// shows it). The user-info part ends at the last `@` before the host.
const userInfo = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#]*)@/gi;
// Query parameters that carry credentials by convention.
const secretParameter =
  /([?&](?:api[-_]?key|key|token|access[-_]?token|auth|secret|password|passwd|pass|sig|signature|client[-_]?secret)=)[^&#\s]*/gi;
// OpenAI-style keys quoted back in a provider's error message.
const apiKey = /\bsk-[A-Za-z0-9_-]{6,}/g;

/**
 * Removes credentials from text that is shown or stored: the password (or token) of a URL's
 * user-info, credential-like query parameters, and OpenAI-style API keys. Applied to every
 * URL quire records and every line it prints, so a secret given in `--base-url` reaches neither
 * the terminal nor a run directory. Pure.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(userInfo, (_match, scheme: string, info: string) => {
      const colon = info.indexOf(':');
      return colon < 0 ? `${scheme}${redacted}@` : `${scheme}${info.slice(0, colon)}:${redacted}@`;
    })
    .replace(secretParameter, `$1${redacted}`)
    .replace(apiKey, `sk-${redacted}`);
}
