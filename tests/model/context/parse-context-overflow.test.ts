import { describe, expect, it } from 'vitest';
import { parseContextOverflow } from '../../../src/model/context/parse-context-overflow.js';
import { contextRefusal } from '../../../src/sim/context-refusal.js';

/** What the OpenAI client would give quire for an error body. */
function refusal(body: unknown, status = 400) {
  const text = JSON.stringify(body);
  const message = (body as { error?: { message?: string } }).error?.message ?? 'Bad Request';
  return parseContextOverflow({ statusCode: status, message, responseBody: text });
}

/** What llama.cpp's refusal of a 9,412-token prompt in an 8,192-token window says. */
const llamaCppCounts = {
  server: 'llama.cpp',
  windowTokens: 8_192,
  promptTokens: 9_412,
  outputTokens: undefined,
};

describe('parseContextOverflow', () => {
  it('reads OpenAI refusals: the code, and the numbers in the message', () => {
    expect(
      refusal({
        error: {
          message:
            "This model's maximum context length is 128000 tokens. However, you requested 130,500 tokens (126,500 in the messages, 4,000 in the completion). Please reduce the length of the messages or completion.",
          type: 'invalid_request_error',
          param: 'messages',
          code: 'context_length_exceeded',
        },
      }),
    ).toEqual({
      server: 'openai',
      windowTokens: 128_000,
      promptTokens: 126_500,
      outputTokens: 4_000,
    });
    expect(
      refusal({
        error: {
          message:
            "This model's maximum context length is 8192 tokens. However, your messages resulted in 9100 tokens. Please reduce the length of the messages.",
          code: 'context_length_exceeded',
        },
      }),
    ).toMatchObject({ server: 'openai', windowTokens: 8_192, promptTokens: 9_100 });
    expect(
      refusal({
        error: {
          message:
            "This model's maximum context length is 131072 tokens. However, you requested 64000 output tokens and your prompt contains at least 67073 input tokens.",
          code: 'context_length_exceeded',
        },
      }),
    ).toMatchObject({ windowTokens: 131_072, promptTokens: 67_073, outputTokens: 64_000 });
    // Known by its wording, or by its code alone.
    for (const message of [
      'Your input exceeds the context window of this model.',
      'The prompt is too long for this model.',
    ]) {
      expect(refusal({ error: { message, code: 'context_length_exceeded' } })).toEqual({
        server: 'openai',
        windowTokens: undefined,
        promptTokens: undefined,
        outputTokens: undefined,
      });
    }
  });

  it("reads vLLM's two refusals, nested or at the top level", () => {
    expect(
      refusal({
        error: {
          message:
            "This model's maximum context length is 4096 tokens. However, your request has 5000 input tokens. Please reduce the length of the input messages.",
          type: 'BadRequestError',
          param: null,
          code: 400,
        },
      }),
    ).toEqual({
      server: 'vllm',
      windowTokens: 4_096,
      promptTokens: 5_000,
      outputTokens: undefined,
    });
    expect(
      refusal({
        object: 'error',
        message:
          "'max_tokens' or 'max_completion_tokens' is too large: 3000. This model's maximum context length is 4096 tokens and your request has 1500 input tokens (3000 > 4096 - 1500).",
        type: 'BadRequestError',
        code: 400,
      }),
    ).toEqual({ server: 'vllm', windowTokens: 4_096, promptTokens: 1_500, outputTokens: 3_000 });
  });

  it("reads llama.cpp's refusal from its fields, or from older wording without numbers", () => {
    expect(
      refusal({
        error: {
          code: 400,
          message:
            'request (9412 tokens) exceeds the available context size (8192 tokens), try increasing it',
          type: 'exceed_context_size_error',
          n_prompt_tokens: 9_412,
          n_ctx: 8_192,
        },
      }),
    ).toEqual(llamaCppCounts);
    expect(
      refusal({
        error: {
          code: 400,
          message: 'the request exceeds the available context size, try increasing it',
          type: 'invalid_request_error',
        },
      }),
    ).toMatchObject({ server: 'llama.cpp', windowTokens: undefined });
  });

  it('reads every refusal the simulated model sends', () => {
    for (const server of ['openai', 'vllm', 'llama-cpp'] as const) {
      const { status, body } = contextRefusal({
        server,
        contextTokens: 2_048,
        promptTokens: 2_600,
        maxOutputTokens: 500,
      });
      expect(refusal(body, status), server).toMatchObject({ windowTokens: 2_048 });
    }
  });

  it('leaves other errors alone', () => {
    expect(refusal({ error: { message: "Invalid value for 'temperature'." } })).toBeUndefined();
    expect(
      refusal({ error: { message: 'Rate limit reached.', code: 'rate_limit_exceeded' } }, 429),
    ).toBeUndefined();
    expect(
      parseContextOverflow({
        statusCode: 500,
        message: "This model's maximum context length is 4096 tokens.",
        responseBody: undefined,
      }),
    ).toBeUndefined();
  });

  it('reads refusals sent as 413 or 422, or with no status at all', () => {
    const message =
      "This model's maximum context length is 4096 tokens. However, your request has 5000 input tokens.";
    for (const statusCode of [413, 422, undefined]) {
      expect(parseContextOverflow({ statusCode, message, responseBody: undefined })).toEqual({
        server: 'vllm',
        windowTokens: 4_096,
        promptTokens: 5_000,
        outputTokens: undefined,
      });
    }
  });

  it('reads a body that is not JSON as no more than its message says', () => {
    expect(
      parseContextOverflow({
        statusCode: 413,
        message: 'Request Entity Too Large',
        responseBody: '<html><body><h1>413 Request Entity Too Large</h1></body></html>',
      }),
    ).toBeUndefined();
    expect(
      parseContextOverflow({
        statusCode: 400,
        message: 'request (9412 tokens) exceeds the available context size (8192 tokens)',
        responseBody: 'request (9412 tokens) exceeds the available context size (8192 tokens)',
      }),
    ).toEqual(llamaCppCounts);
  });

  it('knows llama.cpp by its error type alone, and takes the counts from its fields', () => {
    expect(
      refusal({
        error: {
          code: 400,
          message: 'context overflow',
          type: 'exceed_context_size_error',
          n_prompt_tokens: 9_412,
          n_ctx: 8_192,
        },
      }),
    ).toEqual(llamaCppCounts);
  });

  it("reads llama.cpp's counts from its message when its fields hold none", () => {
    for (const message of [
      'request (9412 tokens) exceeds the available context size (8192 tokens)',
      'request (9412 tokens) exceeds context size (8192 tokens)',
    ]) {
      expect(refusal({ error: { code: 400, message, type: 'invalid_request_error' } })).toEqual(
        llamaCppCounts,
      );
    }
    expect(
      refusal({
        error: {
          code: 400,
          message: 'request (9412 tokens) exceeds the available context size (8192 tokens)',
          type: 'exceed_context_size_error',
          n_prompt_tokens: '9412',
          n_ctx: 0,
        },
      }),
    ).toEqual(llamaCppCounts);
  });

  it('reads a request counted as one message', () => {
    expect(
      refusal({
        error: {
          message:
            "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the message, 1000 in the completion).",
          code: 'context_length_exceeded',
        },
      }),
    ).toEqual({ server: 'openai', windowTokens: 4_096, promptTokens: 4_000, outputTokens: 1_000 });
  });

  it("reads vLLM's reply-limit refusal when it does not count the prompt", () => {
    expect(
      refusal({
        object: 'error',
        message:
          "'max_tokens' or 'max_completion_tokens' is too large: 3000. This model's maximum context length is 4096 tokens.",
        type: 'BadRequestError',
        code: 400,
      }),
    ).toEqual({
      server: 'vllm',
      windowTokens: 4_096,
      promptTokens: undefined,
      outputTokens: 3_000,
    });
  });

  it('reads the top level of a body whose error field is empty', () => {
    expect(
      refusal({
        error: null,
        message: 'request exceeds context size',
        type: 'exceed_context_size_error',
        n_ctx: 2_048,
      }),
    ).toMatchObject({ server: 'llama.cpp', windowTokens: 2_048 });
  });
});
