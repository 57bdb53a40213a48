// The CPU reference of the wall-time measurement: a bare AI SDK client, run as its own process,
// that streams replies from the same server while quire writes, one call after another, and
// does nothing with them. Whatever CPU it spends per token is what streaming through the SDK
// costs any client; quire's CPU beyond that is quire's own.
//
//   node bench/lib/sdk-stream-client.mjs <base-url> <words per call>
//
// Runs until SIGTERM, then prints one JSON line: the calls it completed, their output tokens,
// and the CPU and wall time up to the end of the last completed call (module loading excluded).
import { createOpenAI } from '@ai-sdk/openai';
import { streamText } from 'ai';

const [url, words = '500'] = process.argv.slice(2);
const model = createOpenAI({ baseURL: url, apiKey: 'sim' }).chat('sim');
const controller = new AbortController();
process.once('SIGTERM', () => controller.abort());

const started = performance.now();
const cpuAtStart = process.cpuUsage();
const totals = { calls: 0, outputTokens: 0, chunks: 0, cpuSeconds: 0, wallSeconds: 0 };
try {
  for (let call = 0; !controller.signal.aborted; call++) {
    const stream = streamText({
      model,
      prompt: `Write about ${words} words on the harbours of the North Sea, part ${call + 1}.`,
      maxRetries: 0,
      abortSignal: controller.signal,
    });
    let chunks = 0;
    for await (const part of stream.fullStream) {
      if (part.type === 'text-delta') chunks++;
      if (part.type === 'abort' || part.type === 'error') break;
    }
    if (controller.signal.aborted) break;
    const cpu = process.cpuUsage(cpuAtStart);
    totals.calls++;
    totals.chunks += chunks;
    totals.outputTokens += (await stream.totalUsage).outputTokens ?? 0;
    totals.cpuSeconds = (cpu.user + cpu.system) / 1e6;
    totals.wallSeconds = (performance.now() - started) / 1000;
  }
} catch (error) {
  if (!controller.signal.aborted) throw error;
}
process.stdout.write(`${JSON.stringify(totals)}\n`);
