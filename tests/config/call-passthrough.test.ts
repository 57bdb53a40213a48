import type { TelemetrySettings } from 'ai';
import { describe, expect, it } from 'vitest';
import { callPassthrough } from '../../src/config/call-passthrough.js';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { callText } from '../../src/model/call-text.js';
import { scriptedModel } from '../helpers/mock-model.js';

type Tracer = NonNullable<TelemetrySettings['tracer']>;

/** An OpenTelemetry tracer that keeps the name and attributes of every span started. */
function recordingTracer() {
  const spans: { name: string; attributes: Record<string, unknown> }[] = [];
  const startSpan = (name: string, options?: { attributes?: Record<string, unknown> }) => {
    const record = { name, attributes: { ...options?.attributes } };
    spans.push(record);
    const span = {
      setAttributes: (attributes: Record<string, unknown>) => {
        Object.assign(record.attributes, attributes);
        return span;
      },
      setAttribute: (key: string, value: unknown) => {
        record.attributes[key] = value;
        return span;
      },
      addEvent: () => span,
      setStatus: () => span,
      updateName: () => span,
      recordException: () => {},
      end: () => {},
      isRecording: () => true,
      spanContext: () => ({ traceId: '1'.repeat(32), spanId: '1'.repeat(16), traceFlags: 1 }),
    };
    return span;
  };
  const tracer = {
    startSpan,
    startActiveSpan: (name: string, ...rest: unknown[]) => {
      const run = rest.at(-1) as (span: unknown) => unknown;
      const options = typeof rest[0] === 'object' ? (rest[0] as { attributes?: object }) : {};
      return run(startSpan(name, options as { attributes?: Record<string, unknown> }));
    },
  };
  return { tracer: tracer as unknown as Tracer, spans };
}

describe('callPassthrough', () => {
  it('sends the configured providerOptions with every request', async () => {
    const config = ConfigSchema.parse({
      providerOptions: { openai: { serviceTier: 'flex', user: 'team-7' } },
    });
    const model = scriptedModel([{ text: 'ok' }]);
    await callText({ model, prompt: 'x', ...callPassthrough(config) });
    expect(model.doStreamCalls[0]?.providerOptions).toEqual({
      openai: { serviceTier: 'flex', user: 'team-7' },
    });
  });

  it('sends no providerOptions and no spans by default', async () => {
    const { tracer, spans } = recordingTracer();
    const passthrough = callPassthrough(ConfigSchema.parse({}));
    const model = scriptedModel([{ text: 'ok' }]);
    await callText({
      model,
      prompt: 'x',
      ...passthrough,
      telemetry: { ...passthrough.telemetry, tracer },
    });
    expect(model.doStreamCalls[0]?.providerOptions).toEqual({});
    expect(spans).toEqual([]);
  });

  it('traces each call under the configured function id, leaving prompts out when asked', async () => {
    const { tracer, spans } = recordingTracer();
    const passthrough = callPassthrough(
      ConfigSchema.parse({
        telemetry: { enabled: true, functionId: 'essays', recordInputs: false },
      }),
    );
    await callText({
      model: scriptedModel([{ text: 'The secret plan.' }]),
      prompt: 'a private prompt',
      ...passthrough,
      telemetry: { ...passthrough.telemetry, tracer },
    });
    const call = spans.find((span) => span.name === 'ai.streamText');
    expect(call?.attributes).toMatchObject({ 'ai.telemetry.functionId': 'essays' });
    expect(JSON.stringify(spans)).not.toContain('a private prompt');
    expect(JSON.stringify(spans)).toContain('The secret plan.');
  });
});
