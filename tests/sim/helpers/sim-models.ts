import { createOpenAI } from '@ai-sdk/openai';
import { afterAll } from 'vitest';
import type { ModelObject } from '../../../src/model/call-settings.js';
import { createSimModel } from '../../../src/sim/create-sim-model.js';
import type { SimOptionsInput } from '../../../src/sim/sim-options.js';
import { type SimServer, startSimServer } from '../../../src/sim/start-sim-server.js';

/**
 * Gives `models(options)`: the same simulated model in-process and behind its HTTP server
 * (through the real OpenAI client), each with a label for messages. Servers close after the file.
 */
export function useSimModels(): (options: SimOptionsInput) => Promise<[string, ModelObject][]> {
  const servers: SimServer[] = [];
  afterAll(() => Promise.all(servers.map((server) => server.close())));
  return async (options) => {
    const server = await startSimServer({ port: 0, options });
    servers.push(server);
    return [
      ['in-process', createSimModel(options)],
      ['over HTTP', createOpenAI({ baseURL: server.url, apiKey: 'x' }).chat('sim')],
    ];
  };
}
