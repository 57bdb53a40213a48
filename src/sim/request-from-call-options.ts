import type { LanguageModelV3CallOptions, LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { SimMessage, SimRequest, SimTool } from './sim-request.js';

/**
 * Translates the AI SDK's call options into a `SimRequest`, writing tool calls and results out
 * as text the same way the OpenAI chat wire format carries them, so an in-process call and the
 * same call over HTTP read alike. Pure.
 */
export function requestFromCallOptions(options: LanguageModelV3CallOptions): SimRequest {
  const tools: SimTool[] = (options.tools ?? []).flatMap((tool) =>
    tool.type === 'function'
      ? [
          {
            name: tool.name,
            description: tool.description,
            inputSchema: tool.inputSchema as SimTool['inputSchema'],
          },
        ]
      : [],
  );
  const format = options.responseFormat;
  return {
    messages: messagesOf(options.prompt),
    responseFormat:
      format?.type === 'json'
        ? { type: 'json', schema: format.schema as Record<string, unknown> | undefined }
        : { type: 'text' },
    tools,
    toolChoice: tools.length === 0 ? { type: 'none' } : (options.toolChoice ?? { type: 'auto' }),
    maxOutputTokens: options.maxOutputTokens,
    seed: options.seed,
    // The options an OpenAI-compatible client would send as `reasoning_effort`.
    reasoningEffort: stringOption(options.providerOptions?.openaiCompatible?.reasoningEffort),
  };
}

function messagesOf(prompt: LanguageModelV3Prompt): SimMessage[] {
  return prompt.flatMap((message): SimMessage[] => {
    switch (message.role) {
      case 'system':
        return [{ role: 'system', text: message.content }];
      case 'user':
        return [{ role: 'user', text: textOf(message.content) }];
      case 'assistant': {
        const calls = message.content.flatMap((part) =>
          part.type === 'tool-call' ? [`${part.toolName}(${argumentsOf(part.input)})`] : [],
        );
        return [
          {
            role: 'assistant',
            text: [textOf(message.content), ...calls].filter(Boolean).join('\n'),
          },
        ];
      }
      case 'tool':
        // The chat wire format sends one message per tool result.
        return message.content.flatMap((part): SimMessage[] => {
          if (part.type !== 'tool-result') return [];
          const output = part.output;
          if (output.type === 'text' || output.type === 'error-text')
            return [{ role: 'tool', text: output.value }];
          if (output.type === 'execution-denied') {
            return [{ role: 'tool', text: output.reason ?? 'Tool call execution denied.' }];
          }
          return [{ role: 'tool', text: JSON.stringify(output.value) }];
        });
      default:
        return [];
    }
  });
}

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function textOf(parts: readonly { type: string; text?: string }[]): string {
  return parts.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
}

function argumentsOf(input: unknown): string {
  return typeof input === 'string' ? input : JSON.stringify(input ?? {});
}
