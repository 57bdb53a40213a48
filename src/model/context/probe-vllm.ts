import { z } from 'zod';
import type { ContextWindowState } from './context-window.js';
import type { ProbeTarget } from './discover-context-window.js';

const ModelsSchema = z.object({
  data: z.array(
    z.object({ id: z.string(), max_model_len: z.number().int().positive().optional() }),
  ),
});

/**
 * vLLM's `GET /v1/models`: each served model carries `max_model_len`, the window set by
 * `--max-model-len`. The entry of the model asked for is read, else the only one served.
 */
export async function probeVllm(target: ProbeTarget): Promise<ContextWindowState | undefined> {
  const parsed = ModelsSchema.safeParse(await target.getJson(`${target.baseUrl}/models`));
  if (!parsed.success) return undefined;
  const models = parsed.data.data;
  const model =
    models.find((entry) => entry.id === target.modelId) ??
    (models.length === 1 ? models[0] : undefined);
  if (model?.max_model_len === undefined) return undefined;
  return { tokens: model.max_model_len, source: 'vllm /v1/models', server: 'vllm' };
}
