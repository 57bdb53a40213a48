import type { SimRequest } from './sim-request.js';

/**
 * Writes a request out as one text: what its length is estimated from, what the prefix cache
 * compares, and what seeds the reply. Tools and the response schema come first, as providers
 * put them ahead of the messages, so changing them changes everything after. Pure.
 */
export function renderSimPrompt(request: SimRequest): string {
  const parts: string[] = [];
  if (request.tools.length > 0) {
    const tools = request.tools.map(({ name, description, inputSchema }) => ({
      name,
      description,
      inputSchema,
    }));
    parts.push(`<|tools|>\n${JSON.stringify(tools)}`);
  }
  if (request.responseFormat.type === 'json') {
    parts.push(`<|response-format|>\n${JSON.stringify(request.responseFormat.schema ?? {})}`);
  }
  for (const message of request.messages) parts.push(`<|${message.role}|>\n${message.text}`);
  return parts.join('\n');
}
