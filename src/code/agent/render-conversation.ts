import type { ModelMessage } from 'ai';

const perPartChars = 1_500;

/**
 * A step's conversation as compact text for the summariser: the agent's words, each tool call
 * with its input, each result, all cut to a size, and only the most recent `maxChars` kept
 * (the latest state matters most). Pure.
 */
export function renderConversation({
  messages,
  maxChars,
}: {
  messages: ModelMessage[];
  maxChars: number;
}): string {
  const lines: string[] = [];
  for (const message of messages.slice(1)) {
    if (typeof message.content === 'string') {
      lines.push(`[${message.role}] ${clip(message.content)}`);
      continue;
    }
    for (const part of message.content) {
      if (part.type === 'text') lines.push(`[${message.role}] ${clip(part.text)}`);
      else if (part.type === 'tool-call')
        lines.push(`[call] ${part.toolName} ${clip(JSON.stringify(part.input))}`);
      else if (part.type === 'tool-result') {
        const output = part.output;
        const text =
          output.type === 'text' || output.type === 'error-text'
            ? output.value
            : JSON.stringify(output);
        lines.push(`[result of ${part.toolName}] ${clip(text)}`);
      }
    }
  }
  const text = lines.join('\n');
  return text.length > maxChars
    ? `… (earlier part left out)\n${text.slice(text.length - maxChars)}`
    : text;
}

function clip(text: string): string {
  return text.length > perPartChars
    ? `${text.slice(0, perPartChars)} … (${text.length - perPartChars} more characters)`
    : text;
}
