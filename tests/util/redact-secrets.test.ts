import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/util/redact-secrets.js';

describe('redactSecrets', () => {
  it('removes the password of a URL, keeping the user as curl shows it', () => {
    expect(redactSecrets('failed: http://alice:s3cret@host:8080/v1/chat')).toBe(
      'failed: http://alice:***@host:8080/v1/chat',
    );
    expect(redactSecrets('https://tok3n@host/v1')).toBe('https://***@host/v1');
  });

  it('reads the user-info up to the last @ before the path, as URL parsers do', () => {
    expect(redactSecrets('http://u:p@ss@host/v1')).toBe('http://u:***@host/v1');
  });

  it('removes credential-like query parameters and OpenAI-style keys', () => {
    expect(redactSecrets('http://h/v1?api-key=abc&x=1&token=def#f')).toBe(
      'http://h/v1?api-key=***&x=1&token=***#f',
    );
    expect(redactSecrets('Incorrect API key provided: sk-proj-abcdef123456.')).toBe(
      'Incorrect API key provided: sk-***.',
    );
  });

  it('leaves text without secrets alone', () => {
    const text = 'http://127.0.0.1:8787/v1 answered 429; see a@b.c for help';
    expect(redactSecrets(text)).toBe(text);
  });
});
