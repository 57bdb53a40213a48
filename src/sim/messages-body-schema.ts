import { z } from 'zod';

const textBlock = z.looseObject({ type: z.literal('text'), text: z.string() });
const contentBlock = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  thinking: z.string().optional(),
  name: z.string().optional(),
  input: z.unknown().optional(),
  content: z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]).optional(),
});
const jsonSchemaObject = z.record(z.string(), z.unknown());

/**
 * The part of an Anthropic Messages request body the simulated server reads. Unknown fields
 * (metadata, top_k, stop_sequences, …) are accepted and ignored; `max_tokens` is required, as
 * Anthropic requires it.
 */
export const MessagesBodySchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  messages: z
    .array(
      z.looseObject({
        role: z.enum(['user', 'assistant']),
        content: z.union([z.string(), z.array(contentBlock)]),
      }),
    )
    .min(1),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(1).optional(),
  tools: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        description: z.string().optional(),
        input_schema: jsonSchemaObject,
      }),
    )
    .optional(),
  tool_choice: z
    .discriminatedUnion('type', [
      z.looseObject({ type: z.literal('auto') }),
      z.looseObject({ type: z.literal('any') }),
      z.looseObject({ type: z.literal('none') }),
      z.looseObject({ type: z.literal('tool'), name: z.string().min(1) }),
    ])
    .optional(),
  output_config: z
    .looseObject({
      format: z
        .looseObject({ type: z.literal('json_schema'), schema: jsonSchemaObject })
        .optional(),
    })
    .optional(),
});

/** A Messages request body that passed `MessagesBodySchema`. */
export type MessagesBody = z.infer<typeof MessagesBodySchema>;
