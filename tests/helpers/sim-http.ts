import { afterEach } from 'vitest';
import { resolveModel } from '../../src/model/resolve-model.js';
import type { SimOptionsInput } from '../../src/sim/sim-options.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';

const servers: SimServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/**
 * Starts `quire sim serve`'s server on a free port with `options`, closed after the test, and
 * the model that reaches it the way a user's does: `openai:<id>` with `--base-url`, through the
 * real OpenAI client.
 */
export async function simOverHttp(options: SimOptionsInput, modelId = 'sim') {
  const server = await startSimServer({ port: 0, options: { noise: 0, ...options } });
  servers.push(server);
  const resolved = resolveModel({ spec: `openai:${modelId}`, baseUrl: server.url });
  return { server, resolved, model: resolved.model, baseUrl: server.url };
}
