import { describe, expect, it } from 'vitest';
import { checkApiKey } from '../../src/sim/check-api-key.js';

describe('checkApiKey', () => {
  it('lets every request through when the server has no key', () => {
    expect(checkApiKey({ apiKey: undefined, authorization: undefined })).toBeUndefined();
    expect(checkApiKey({ apiKey: undefined, authorization: 'Bearer anything' })).toBeUndefined();
  });

  it('lets the right bearer token through, whatever the case of "Bearer"', () => {
    expect(checkApiKey({ apiKey: 'sk-right', authorization: 'Bearer sk-right' })).toBeUndefined();
    expect(checkApiKey({ apiKey: 'sk-right', authorization: 'bearer  sk-right ' })).toBeUndefined();
  });

  it.each([
    ['no header', undefined, /No API key was sent/],
    ['another scheme', 'Basic c2stcmlnaHQ=', /No API key was sent/],
    ['a wrong key', 'Bearer sk-wrong', /Incorrect API key/],
    ['a prefix of the key', 'Bearer sk-righ', /Incorrect API key/],
  ])(
    'answers %s with 401 invalid_api_key in the OpenAI error shape',
    (_name, authorization, message) => {
      const reply = checkApiKey({ apiKey: 'sk-right', authorization });
      expect(reply?.status).toBe(401);
      expect(reply?.body).toEqual({
        error: {
          message: expect.stringMatching(message),
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      });
      expect(reply?.body.error.message).not.toContain('sk-right');
    },
  );
});
