import { z } from 'zod';
import type { ContextWindowState } from './context-window.js';
import type { ProbeTarget } from './discover-context-window.js';

const PropsSchema = z.object({
  default_generation_settings: z.object({ n_ctx: z.number().int().positive() }),
});

/**
 * llama.cpp's `GET /props`: the window of a slot is `default_generation_settings.n_ctx` (the
 * `-c` size divided among the `-np` slots).
 */
export async function probeLlamaCpp(target: ProbeTarget): Promise<ContextWindowState | undefined> {
  const parsed = PropsSchema.safeParse(await target.getJson(`${target.rootUrl}/props`));
  if (!parsed.success) return undefined;
  return {
    tokens: parsed.data.default_generation_settings.n_ctx,
    source: 'llama.cpp /props',
    server: 'llama.cpp',
  };
}
