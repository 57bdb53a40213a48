import { z } from 'zod';
import { limits } from '../config/limits.js';
import { type DefectKind, defectKinds, isDefectKind } from './defect-kind.js';
import { defaultFaultKinds, type FaultKind, isFaultKind } from './fault-kind.js';
import { faultRates } from './fault-rates.js';
import { parseDuration } from './parse-duration.js';
import { isPlanDefectKind, type PlanDefectKind } from './plan-defect-kind.js';
import { type SimServerKind, simServerKinds } from './sim-server-kind.js';
import { type ThinkingForm, thinkingForms } from './thinking-form.js';

/** The simulated model's settings, every one defaulted. See `sim-knobs.ts` for the table. */
export interface SimOptions {
  seed: number;
  /** Milliseconds before the first token. */
  ttft: number;
  /** Tokens per second after the first; 0 means no pacing. */
  tps: number;
  slots: number;
  words: number;
  noise: number;
  ceiling: number;
  /** When set, every prose reply holds about this many words, whatever was asked. */
  fixed?: number | undefined;
  /** Share by which the ceiling shrinks per 1,000 prompt tokens. */
  shrink: number;
  repeat: number;
  errors: number;
  faults: readonly FaultKind[];
  /** Per-kind fault rates; each, when set, replaces that kind's share of `errors`. */
  rateLimit?: number | undefined;
  serverError?: number | undefined;
  hang?: number | undefined;
  cut?: number | undefined;
  badJson?: number | undefined;
  empty?: number | undefined;
  /** Milliseconds a 429 asks the client to wait. */
  retryAfter: number;
  /** `on`: after a 429, every request is refused until its Retry-After has passed. */
  hold: 'on' | 'off';
  /** `off`: no reply reports token usage, streamed or not, as some local servers do. */
  usage: 'on' | 'off';
  /** The context window in tokens (prompt and reply together); 0 for none. */
  context: number;
  /** The server imitated: how an over-long request is refused (or, Ollama, cut), and discovered. */
  server: SimServerKind;
  /** `off`: the imitated server's discovery endpoint does not tell the window. */
  discovery: 'on' | 'off';
  /** Whether and how replies think before answering. */
  think: ThinkingForm;
  /** Words of thinking before each reply, when `think` is on. */
  thinkWords: number;
  /** Share of prose replies wrapped in an assistant's chatter. */
  chatter: number;
  /** Share of prose replies that open by repeating the heading they were given. */
  echoHeading: number;
  /** Share of prose replies wrapped whole in a Markdown code fence. */
  fence: number;
  /** How a plan asked for as JSON is written. */
  planFormat: SimPlanFormat;
  /** Share of sections given one planted writing defect. */
  defects: number;
  /** The defect kinds `defects` draws from. */
  defectKinds: readonly DefectKind[];
  /** Share of sections drafted in parallel given a bad opening where they meet the one before. */
  seams: number;
  /** File each planted defect is appended to as a JSON line, when set. */
  defectLog?: string | undefined;
  /** Share of replies asked for a marked think note that get the marking wrong. */
  noteSlip: number;
  /** The plan defects planted in the first plan; none by default. */
  planDefects: readonly PlanDefectKind[];
}

/** The forms the simulated model writes a plan in; all but `json` ignore the response format. */
export const simPlanFormats = ['json', 'lines', 'headings', 'list', 'prose'] as const;
export type SimPlanFormat = (typeof simPlanFormats)[number];

/** What a library user may pass: any subset; durations as milliseconds or `'300ms'`/`'2s'`. */
export type SimOptionsInput = {
  [KEY in keyof SimOptions]?: KEY extends 'ttft' | 'retryAfter'
    ? number | string
    : KEY extends 'faults'
      ? readonly FaultKind[] | string
      : KEY extends 'defectKinds'
        ? readonly DefectKind[] | string
        : KEY extends 'planDefects'
          ? readonly PlanDefectKind[] | string
          : SimOptions[KEY];
};

const rate = z.coerce.number().min(0).max(1);
const optionalRate = rate.optional();
const wholeNumber = (minimum: number, maximum: number) =>
  z.coerce.number().int().min(minimum).max(maximum);
const duration = z.union([z.number(), z.string()]).transform((value, context) => {
  const milliseconds = parseDuration(value);
  if (milliseconds === undefined) {
    context.addIssue({ code: 'custom', message: 'not a duration' });
    return z.NEVER;
  }
  if (milliseconds > limits.durationMs) {
    context.addIssue({
      code: 'too_big',
      maximum: limits.durationMs,
      origin: 'number',
      input: value,
      message: 'longer than a day',
    });
    return z.NEVER;
  }
  return milliseconds;
});
const onOff = z.enum(['on', 'off']);
const faultList = z
  .union([z.string(), z.array(z.string())])
  .transform((value, context): FaultKind[] => {
    const names = typeof value === 'string' ? value.split('+') : value;
    const kinds = names.map((name) => name.trim()).filter((name) => name !== '');
    const unknown = kinds.filter((name) => !isFaultKind(name));
    if (unknown.length > 0) {
      context.addIssue({ code: 'custom', message: `unknown fault kind "${unknown.join('+')}"` });
      return z.NEVER;
    }
    return [...new Set(kinds)] as FaultKind[];
  });

/** A list of kinds joined by `+` (or given as an array), each one checked by `isKind`. */
function kindList<KIND extends string>(isKind: (name: string) => name is KIND, what: string) {
  return z.union([z.string(), z.array(z.string())]).transform((value, context): KIND[] => {
    const names = typeof value === 'string' ? value.split('+') : value;
    const kinds = names.map((name) => name.trim()).filter((name) => name !== '' && name !== 'none');
    const unknown = kinds.filter((name) => !isKind(name));
    if (unknown.length > 0) {
      context.addIssue({ code: 'custom', message: `unknown ${what} "${unknown.join('+')}"` });
      return z.NEVER;
    }
    return [...new Set(kinds)] as KIND[];
  });
}
const defectList = kindList(isDefectKind, 'defect kind');
const planDefectList = kindList(isPlanDefectKind, 'plan defect kind');

/** Validates and defaults simulated-model options; accepts typed values or their text forms. */
export const SimOptionsSchema = z
  .object({
    seed: wholeNumber(0, limits.seed).default(0),
    ttft: duration.default(0),
    tps: z.coerce.number().min(0).max(limits.tokensPerSecond).default(0),
    slots: wholeNumber(1, limits.concurrency).default(8),
    words: wholeNumber(1, limits.words).default(500),
    noise: rate.default(0.1),
    ceiling: wholeNumber(1, limits.words).default(2000),
    fixed: wholeNumber(1, limits.words).optional(),
    shrink: rate.default(0),
    repeat: rate.default(0),
    errors: rate.default(0),
    faults: faultList.default([...defaultFaultKinds]),
    rateLimit: optionalRate,
    serverError: optionalRate,
    hang: optionalRate,
    cut: optionalRate,
    badJson: optionalRate,
    empty: optionalRate,
    retryAfter: duration.default(1_000),
    hold: onOff.default('off'),
    usage: onOff.default('on'),
    context: wholeNumber(0, limits.contextTokens).default(0),
    server: z.enum(simServerKinds).default('openai'),
    discovery: onOff.default('on'),
    think: z.enum(thinkingForms).default('off'),
    thinkWords: wholeNumber(1, limits.words).default(300),
    chatter: rate.default(0),
    echoHeading: rate.default(0),
    fence: rate.default(0),
    planFormat: z.enum(simPlanFormats).default('json'),
    defects: rate.default(0),
    defectKinds: defectList.default([...defectKinds]),
    seams: rate.default(0),
    defectLog: z.string().min(1).optional(),
    noteSlip: rate.default(0),
    planDefects: planDefectList.default([]),
  })
  .strict()
  .superRefine((options, context) => {
    const total = Object.values(faultRates(options)).reduce((sum, each) => sum + each, 0);
    if (total > 1 + 1e-9) {
      context.addIssue({
        code: 'custom',
        path: ['errors'],
        message: `the fault rates add up to ${Number(total.toFixed(4))}, more than 1`,
      });
    }
  });

/** The options with every default, as `createSimModel()` uses them. */
export const defaultSimOptions: SimOptions = SimOptionsSchema.parse({});
