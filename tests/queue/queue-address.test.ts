import { describe, expect, it } from 'vitest';
import { QueueError } from '../../src/errors/queue-error.js';
import { parseQueueAddress } from '../../src/queue/queue-address.js';

describe('parseQueueAddress', () => {
  it('takes redis:// and rediss:// URLs and shows them with the password redacted', () => {
    expect(parseQueueAddress('redis://127.0.0.1:6379')).toEqual({
      url: 'redis://127.0.0.1:6379',
      shownAs: 'redis://127.0.0.1:6379',
    });
    expect(parseQueueAddress('rediss://quire:hunter2@queue.example:6380/2').shownAs).toBe(
      'rediss://quire:***@queue.example:6380/2',
    );
  });

  it.each([
    ['http://127.0.0.1:6379', /must start with redis:\/\/ \(or rediss:\/\/ for TLS\)/],
    ['127.0.0.1:6379', /must be a Redis URL such as redis:\/\/127.0.0.1:6379/],
    ['not a url', /must be a Redis URL/],
    ['redis://127.0.0.1:6379/queue', /the path must be a database number/],
  ])('refuses %s as an input error', (value, message) => {
    const error = (() => {
      try {
        parseQueueAddress(value);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(QueueError);
    expect((error as QueueError).category).toBe('input');
    expect((error as QueueError).message).toMatch(message);
  });

  it('never repeats a password in its message', () => {
    expect(() => parseQueueAddress('https://user:s3cret@host:6379')).toThrow(/user:\*\*\*@host/);
    expect(() => parseQueueAddress('https://user:s3cret@host:6379')).not.toThrow(/s3cret/);
  });
});
