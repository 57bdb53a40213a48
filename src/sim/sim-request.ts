/**
 * One call to the simulated model, in a form shared by the in-process model and the HTTP
 * server: both translate what they receive into this, so the same request gives the same reply
 * whichever way it arrives.
 */
export interface SimRequest {
  messages: SimMessage[];
  responseFormat: SimResponseFormat;
  tools: SimTool[];
  toolChoice: SimToolChoice;
  /** Most tokens the reply may hold; the reply is cut there with finish reason `length`. */
  maxOutputTokens: number | undefined;
  /** The caller's sampling seed, when given: another seed, another reply to the same prompt. */
  seed: number | undefined;
  /** `reasoning_effort` as asked (`low`, `medium`…): how much a thinking reply thinks. */
  reasoningEffort?: string | undefined;
}

/** A message reduced to its role and its text (tool calls and results written out as text). */
export interface SimMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  text: string;
}

/** A JSON schema as received; read defensively, it may come from any client. */
export type JsonSchema = Record<string, unknown> | boolean;

/** Plain text, or JSON (matching `schema` when one is given). */
export type SimResponseFormat = { type: 'text' } | { type: 'json'; schema: JsonSchema | undefined };

/** A function tool the model may call. */
export interface SimTool {
  name: string;
  description: string | undefined;
  inputSchema: JsonSchema;
}

/** Whether and which tool the reply must call. */
export type SimToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  | { type: 'required' }
  | { type: 'tool'; toolName: string };

/** One tool call of a reply; `input` is the JSON text of the arguments. */
export interface SimToolCall {
  id: string;
  toolName: string;
  input: string;
}
