import { schemaValue } from './schema-value.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimTool, SimToolCall, SimToolChoice } from './sim-request.js';

/**
 * The tool call of a reply, or undefined when the reply should be text: no tools offered, or
 * tool choice `none`. `auto` and `required` call one tool picked deterministically; `tool` calls
 * the named one. The input is valid against the tool's input schema.
 */
export function chooseToolCall({
  tools,
  toolChoice,
  random,
  topics,
}: {
  tools: readonly SimTool[];
  toolChoice: SimToolChoice;
  random: SeededRandom;
  topics: readonly string[];
}): SimToolCall | undefined {
  if (tools.length === 0 || toolChoice.type === 'none') return undefined;
  const tool =
    toolChoice.type === 'tool'
      ? tools.find((each) => each.name === toolChoice.toolName)
      : random.pick(tools);
  if (tool === undefined) return undefined;
  const input = schemaValue({ schema: tool.inputSchema, random: random.fork('input'), topics });
  const id = `call_${Array.from({ length: 24 }, () => random.integer(0, 35).toString(36)).join('')}`;
  return { id, toolName: tool.name, input: JSON.stringify(input ?? {}) };
}
