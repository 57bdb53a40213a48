import { onTestFinished } from 'vitest';
import { resolveModel } from '../../src/model/resolve-model.js';
import type { SimOptionsInput } from '../../src/sim/sim-options.js';
import { startSimServer } from '../../src/sim/start-sim-server.js';

/**
 * Starts `quire sim serve`'s server on a free port with `options`, closed when the test that
 * called it finishes (a hook of the test, not of this module, which test files may share), and
 * the model that reaches it the way a user's does: `openai:<id>` with `--base-url`, through the
 * real OpenAI client.
 */
export async function simOverHttp(options: SimOptionsInput, modelId = 'sim') {
  const server = await startSimServer({ port: 0, options: { noise: 0, ...options } });
  onTestFinished(() => server.close());
  const resolved = resolveModel({ spec: `openai:${modelId}`, baseUrl: server.url });
  return { server, resolved, model: resolved.model, baseUrl: server.url };
}
