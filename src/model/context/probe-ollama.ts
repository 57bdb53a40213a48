import { z } from 'zod';
import type { ContextWindowState } from './context-window.js';
import type { ProbeTarget } from './discover-context-window.js';

/**
 * The window Ollama serves a model with when neither its Modelfile nor the server sets one:
 * 4,096 tokens on most machines (older versions used 2,048; large GPUs get more).
 */
export const ollamaDefaultContext = 4_096;

const ShowSchema = z.object({
  parameters: z.string().optional(),
  model_info: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Ollama's `POST /api/show`: `parameters` lists the Modelfile's settings, `num_ctx` among them
 * when the model sets its window. Without it Ollama serves its default window (whatever
 * `model_info` says the model was trained for), which it does not report: that default is
 * assumed, and a prompt it cuts is caught by the usage check.
 */
export async function probeOllama(target: ProbeTarget): Promise<ContextWindowState | undefined> {
  const parsed = ShowSchema.safeParse(
    await target.getJson(`${target.rootUrl}/api/show`, {
      method: 'POST',
      body: { model: target.modelId },
    }),
  );
  if (!parsed.success || (parsed.data.parameters === undefined && !parsed.data.model_info)) {
    return undefined;
  }
  // Stryker disable next-line StringLiteral: no other text without parameters holds a num_ctx line either
  const numCtx = /^num_ctx\s+(\d+)\s*$/m.exec(parsed.data.parameters ?? '');
  if (numCtx) return { tokens: Number(numCtx[1]), source: 'ollama /api/show', server: 'ollama' };
  return { tokens: ollamaDefaultContext, source: 'ollama default', server: 'ollama' };
}
