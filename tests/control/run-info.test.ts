import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { createRunInfo } from '../../src/control/run-info.js';
import { emptyTotals } from '../../src/model/usage-meter.js';
import { RunInfoSchema, runFormatVersion } from '../../src/store/run-info-schema.js';
import { version } from '../../src/version.js';
import { createTask } from '../helpers/builders.js';
import { promptModel } from '../helpers/prompt-model.js';

const model = {
  model: promptModel(() => ({ text: '' })),
  spec: 'openai:gpt-4o',
  modelId: 'gpt-4o',
  simulated: false,
};
const now = Date.parse('2026-03-04T05:06:07Z');

/** The run.json of a new run with the given config. */
function createInfo(config: object = {}) {
  return createRunInfo({ task: createTask(), config: ConfigSchema.parse(config), model, now });
}

describe('createRunInfo', () => {
  it('records a running run of this version, its task and model, with nothing spent yet', () => {
    const info = createInfo();
    expect(RunInfoSchema.parse(info)).toEqual(info);
    expect(info).toMatchObject({
      version: runFormatVersion,
      quireVersion: version,
      createdAt: '2026-03-04T05:06:07.000Z',
      updatedAt: '2026-03-04T05:06:07.000Z',
      status: 'running',
      task: createTask(),
      model: { spec: 'openai:gpt-4o', modelId: 'gpt-4o', simulated: false },
      usage: emptyTotals,
      elapsedSeconds: 0,
    });
    expect(info.id).not.toBe(createInfo().id);
  });

  it('keeps the resolved configuration but never the API key', () => {
    const info = createInfo({ apiKey: 'sk-secret-key-123456', maxTokens: 5_000 });
    expect(info.config).not.toHaveProperty('apiKey');
    expect(info.config.maxTokens).toBe(5_000);
    expect(JSON.stringify(info)).not.toContain('sk-secret-key-123456');
    expect(info.config).not.toHaveProperty('baseUrl');
  });

  it('keeps the base URL with any credentials removed', () => {
    expect(createInfo({ baseUrl: 'http://localhost:11434/v1' }).config.baseUrl).toBe(
      'http://localhost:11434/v1',
    );
    // The schema refuses credentials in a URL; a config built in code may still hold them.
    const config = {
      ...ConfigSchema.parse({}),
      baseUrl: 'https://user:hunter2@llm.example.com/v1',
    };
    const info = createRunInfo({ task: createTask(), config, model, now });
    expect(info.config.baseUrl).toBe('https://user:***@llm.example.com/v1');
  });
});
