import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { UnsupportedFunctionalityError } from '@ai-sdk/provider';
import type { ChatHistoryItem } from 'node-llama-cpp';

/**
 * An AI SDK prompt as node-llama-cpp's chat history, ending with the empty model turn to
 * generate. Consecutive user or model texts stay separate turns, as a chat server keeps them.
 * Throws `UnsupportedFunctionalityError` for files and tool messages, which quire never sends to
 * a `gguf:` model. Pure.
 */
export function chatHistoryFromPrompt(prompt: LanguageModelV3Prompt): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = prompt.map((message) => {
    switch (message.role) {
      case 'system':
        return { type: 'system', text: message.content };
      case 'user':
        return { type: 'user', text: texts(message.content) };
      case 'assistant':
        return { type: 'model', response: [texts(message.content)] };
      default:
        throw new UnsupportedFunctionalityError({ functionality: 'tool messages (gguf: model)' });
    }
  });
  history.push({ type: 'model', response: [] });
  return history;
}

function texts(parts: readonly { type: string; text?: string }[]): string {
  return parts
    .map((part) => {
      if (part.type === 'text' || part.type === 'reasoning') return part.text ?? '';
      throw new UnsupportedFunctionalityError({
        functionality: `${part.type} parts (gguf: model)`,
      });
    })
    .join('');
}
