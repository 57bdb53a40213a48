import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { createSimModel } from '../src/sim/create-sim-model.js';
import { writeDocument } from '../src/write-document.js';
import { useTempDir } from './helpers/temp-dir.js';

const tempDir = useTempDir();

/**
 * A `MockLanguageModelV3` named `modelId` whose replies come from the in-process simulated
 * model, so it can plan and write; it records every call it serves.
 */
function recordingModel(modelId: string) {
  const sim = createSimModel({ noise: 0 });
  return new MockLanguageModelV3({
    modelId,
    doGenerate: (options) => sim.doGenerate(options),
    doStream: (options) => sim.doStream(options),
  });
}

function callsOf(model: MockLanguageModelV3): LanguageModelV3CallOptions[] {
  return [...model.doGenerateCalls, ...model.doStreamCalls];
}

/** The text of a call's prompt, every message joined. */
function promptText(options: LanguageModelV3CallOptions): string {
  return options.prompt
    .map((message) =>
      typeof message.content === 'string'
        ? message.content
        : message.content.map((part) => ('text' in part ? part.text : '')).join(''),
    )
    .join('\n');
}

describe('writeDocument with model objects', () => {
  it('takes a MockLanguageModelV3 instance as its model', async () => {
    const model = recordingModel('mock-writer');
    const result = await writeDocument({
      request: 'Write a 1,200-word guide to tide pools',
      model,
      config: { write: { quality: 'fast' } },
      directory: await tempDir(),
    });
    expect(result.info.status).toBe('completed');
    expect(result.info.model).toMatchObject({ spec: 'mock-writer', simulated: false });
    expect(callsOf(model).length).toBe(result.info.usage.calls);
    expect(result.words).toBeGreaterThan(1_000);
  }, 60_000);

  it('gives the planner, writer, reviewer and judge each their own model', async () => {
    const planner = recordingModel('mock-planner');
    const writer = recordingModel('mock-writer');
    const reviewer = recordingModel('mock-reviewer');
    const judge = recordingModel('mock-judge');
    const result = await writeDocument({
      request: 'Write a 1,500-word guide to tide pools',
      model: 'sim',
      models: { planner, writer, reviewer, judge },
      // The reviewer keeps the fact ledger: one structured call per section.
      config: { write: { quality: 'fast', ledger: 'model' } },
      directory: await tempDir(),
    });
    expect(result.info.status).toBe('completed');
    const sections = result.plan.sections.length;
    // The planner served the outline.
    expect(callsOf(planner).length).toBeGreaterThanOrEqual(1);
    expect(callsOf(planner).every((call) => call.responseFormat?.type === 'json')).toBe(true);
    // The writer drafted every section, and nothing else.
    expect(callsOf(writer).length).toBeGreaterThanOrEqual(sections);
    expect(callsOf(writer).some((call) => call.responseFormat?.type === 'json')).toBe(false);
    for (const section of result.plan.sections) {
      expect(callsOf(writer).some((call) => promptText(call).includes(section.title))).toBe(true);
    }
    // The reviewer kept the ledger for each section; the judge scored the document.
    expect(callsOf(reviewer).length).toBeGreaterThanOrEqual(sections);
    expect(callsOf(judge).length).toBeGreaterThan(0);
    expect(result.report.judge.model).toBe('mock-judge');
    expect(result.info.model.spec).toBe('mock-writer');
    // Every metered call of the run is one of the three stage models'.
    const staged = [planner, writer, reviewer].reduce((sum, each) => sum + callsOf(each).length, 0);
    expect(result.info.usage.calls).toBe(staged);
  }, 60_000);
});
