/**
 * What makes `text` unusable as the base URL of an OpenAI-compatible server, or undefined when
 * it can work: it must parse, speak http or https (all `fetch` speaks), hold no credentials (the
 * fetch API refuses a URL with `user:password@`, and a password there would be shown and
 * stored), and have no query or fragment (the client appends `/chat/completions` to it). The
 * message never repeats a secret. Pure.
 */
export function baseUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Invalid URL: expected one such as http://localhost:11434/v1';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `the scheme ${url.protocol} cannot work: use an http:// or https:// URL`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'holds credentials (user:password@), which the fetch API refuses in a URL: drop them and set the key in OPENAI_API_KEY or "apiKey"';
  }
  if (url.search !== '' || url.hash !== '') {
    return 'has a query or fragment, which cannot work because /chat/completions is appended to the URL: drop it';
  }
  return undefined;
}
