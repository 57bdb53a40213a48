/**
 * Every knob of the simulated model, in one table: the name used in a spec
 * (`sim:seed=7,tps=80,ttft=300ms,errors=0.2`) and as a `quire sim serve` flag (`--ttft 300ms`),
 * the camelCase field of `createSimModel({ … })`, what it expects and its default. Plain data,
 * free of zod, so the CLI can build its help without loading the model.
 *
 * | knob | expects | default | meaning |
 * |---|---|---|---|
 * | `seed` | whole number | 0 | varies every output; same seed + same request → same reply |
 * | `ttft` | duration | 0ms | wait before the first token |
 * | `tps` | number | 0 | tokens per second after the first (0: no pacing) |
 * | `slots` | whole number | 8 | requests served at once; more wait in a FIFO queue |
 * | `words` | whole number | 500 | reply length when the prompt asks for none |
 * | `noise` | 0–1 | 0.1 | length is the request × a factor in [1 − noise, 1 + noise] |
 * | `ceiling` | whole number | 2000 | most words (characters for Chinese) one reply holds |
 * | `fixed` | whole number | off | every prose reply holds about this many words, whatever was asked |
 * | `shrink` | 0–1 | 0 | share by which the ceiling shrinks per 1,000 prompt tokens |
 * | `repeat` | 0–1 | 0 | share of paragraphs replaced by a paragraph copied from the prompt |
 * | `errors` | 0–1 | 0 | total fault rate, spread evenly over the kinds in `faults` |
 * | `faults` | kinds joined by `+` | rate-limit+server-error+cut+bad-json+empty | kinds `errors` spreads over |
 * | `rate-limit` `server-error` `hang` `cut` `bad-json` `empty` | 0–1 | its share of `errors` | rate of that one kind, replacing its share |
 * | `retry-after` | duration | 1s | what a 429 asks the client to wait |
 * | `hold` | on, off | off | on: after a 429 every request is refused until its Retry-After has passed, as a real rate limiter's window |
 * | `usage` | on, off | on | off: no reply reports token usage (streamed or not) |
 * | `context` | whole number | 0 | context window in tokens, prompt and reply together; 0: none |
 * | `server` | openai, vllm, llama-cpp, ollama | openai | how an over-long request is refused or cut, and which endpoint tells the window |
 * | `discovery` | on, off | on | off: that endpoint does not tell the window |
 * | `think` | `off`, `tags`, `reasoning_content` or `reasoning` | off | thinking before each reply, and how it is sent |
 * | `think-words` | whole number | 300 | words of thinking per reply (a quarter at low reasoning effort) |
 * | `chatter` | 0–1 | 0 | share of prose replies wrapped in an assistant's chatter (English or Chinese, as the reply) |
 * | `echo-heading` | 0–1 | 0 | share of prose replies opening with the heading they were given |
 * | `fence` | 0–1 | 0 | share of prose replies wrapped whole in a ```markdown fence |
 * | `plan-format` | json, lines, headings, list or prose | json | how a plan asked for as JSON is written |
 * | `defects` | 0–1 | 0 | share of sections given a planted writing defect (and every section the world's fact) |
 * | `defect-kinds` | kinds joined by `+` | all six | the defect kinds `defects` draws from |
 * | `seams` | 0–1 | 0 | share of sections drafted in parallel that open badly where they meet the section before |
 * | `defect-log` | file path | off | where each planted defect is appended as a JSON line: the ground truth |
 * | `note-slip` | 0–1 | 0 | share of replies asked for a marked think note that leave it out, leave it unclosed or leak a marker into the section |
 * | `plan-defects` | kinds joined by `+` | none | plan defects planted in the first plan: overlap, missing-term, unbalanced-budget, vague-brief, generic-frame, listicle |
 */
export interface SimKnob {
  /** As written in a spec and as a flag (`--<name>`). */
  name: string;
  /** The field of the options object. */
  key: SimOptionKey;
  /** What a value must look like, for error messages. */
  expects: string;
  /** The value's type as help shows it: `integer`, `number 0–1`, `duration`… */
  type: string;
  /** The flag's value as help shows it: `<n>`, `<rate>`, `<duration>`, `<kinds>`. */
  placeholder: string;
  /** The default as shown in help, or undefined when the knob is unset by default. */
  defaultText: string | undefined;
  description: string;
}

/** The fields of `SimOptions`. */
export type SimOptionKey =
  | 'seed'
  | 'ttft'
  | 'tps'
  | 'slots'
  | 'words'
  | 'noise'
  | 'ceiling'
  | 'fixed'
  | 'shrink'
  | 'repeat'
  | 'errors'
  | 'faults'
  | 'rateLimit'
  | 'serverError'
  | 'hang'
  | 'cut'
  | 'badJson'
  | 'empty'
  | 'retryAfter'
  | 'hold'
  | 'usage'
  | 'context'
  | 'server'
  | 'discovery'
  | 'think'
  | 'thinkWords'
  | 'chatter'
  | 'echoHeading'
  | 'fence'
  | 'planFormat'
  | 'defects'
  | 'defectKinds'
  | 'seams'
  | 'defectLog'
  | 'noteSlip'
  | 'planDefects';

/** The kinds of value a knob takes: how messages describe them, and how help shows them. */
const values = {
  count: { expects: 'a whole number ≥ 0', type: 'integer', placeholder: '<n>' },
  positiveCount: { expects: 'a whole number ≥ 1', type: 'integer', placeholder: '<n>' },
  speed: { expects: 'a number ≥ 0', type: 'number', placeholder: '<n>' },
  rate: { expects: 'a number from 0 to 1', type: 'number 0–1', placeholder: '<rate>' },
  duration: {
    expects: 'a duration such as 300ms or 2s',
    type: 'duration, e.g. 300ms or 2s',
    placeholder: '<duration>',
  },
  kinds: { expects: 'fault kinds joined by +', type: 'kinds joined by +', placeholder: '<kinds>' },
  onOff: { expects: 'on or off', type: 'on or off', placeholder: '<on|off>' },
  server: {
    expects: 'openai, vllm, llama-cpp or ollama',
    type: 'openai, vllm, llama-cpp or ollama',
    placeholder: '<server>',
  },
  thinkingForm: {
    expects: 'off, tags, reasoning_content or reasoning',
    type: 'off | tags | reasoning_content | reasoning',
    placeholder: '<form>',
  },
  planForm: {
    expects: 'one of json, lines, headings, list, prose',
    type: 'json | lines | headings | list | prose',
    placeholder: '<form>',
  },
  defectKinds: {
    expects: 'defect kinds joined by +',
    type: 'kinds joined by +',
    placeholder: '<kinds>',
  },
  path: { expects: 'a file path', type: 'path', placeholder: '<file>' },
  planDefectKinds: {
    expects: 'plan defect kinds joined by +',
    type: 'kinds joined by +',
    placeholder: '<kinds>',
  },
} as const;

type KnobEntry = Pick<SimKnob, 'name' | 'key' | 'defaultText' | 'description'> & {
  value: keyof typeof values;
};

const entries: KnobEntry[] = [
  {
    name: 'seed',
    key: 'seed',
    value: 'count',
    defaultText: '0',
    description: 'varies every reply; same seed and request give the same reply',
  },
  {
    name: 'ttft',
    key: 'ttft',
    value: 'duration',
    defaultText: '0ms',
    description: 'time to first token',
  },
  {
    name: 'tps',
    key: 'tps',
    value: 'speed',
    defaultText: '0',
    description: 'tokens per second after the first; 0 streams without pacing',
  },
  {
    name: 'slots',
    key: 'slots',
    value: 'positiveCount',
    defaultText: '8',
    description: 'requests served at once; further requests queue in order',
  },
  {
    name: 'words',
    key: 'words',
    value: 'positiveCount',
    defaultText: '500',
    description: 'reply length in words when the prompt asks for none',
  },
  {
    name: 'noise',
    key: 'noise',
    value: 'rate',
    defaultText: '0.1',
    description: 'reply length = request × a factor drawn in [1 − noise, 1 + noise]',
  },
  {
    name: 'ceiling',
    key: 'ceiling',
    value: 'positiveCount',
    defaultText: '2000',
    description: 'most words (characters in Chinese) one reply holds, as real models stop early',
  },
  {
    name: 'fixed',
    key: 'fixed',
    value: 'positiveCount',
    defaultText: undefined,
    description:
      'every prose reply holds about this many words (× noise), whatever length was asked',
  },
  {
    name: 'shrink',
    key: 'shrink',
    value: 'rate',
    defaultText: '0',
    description:
      'share by which the ceiling shrinks per 1,000 prompt tokens, as models write less in long conversations',
  },
  {
    name: 'repeat',
    key: 'repeat',
    value: 'rate',
    defaultText: '0',
    description:
      'share of paragraphs replaced by one copied from the prompt (repetition injection)',
  },
  {
    name: 'errors',
    key: 'errors',
    value: 'rate',
    defaultText: '0',
    description: 'total fault rate, spread evenly over the kinds in --faults',
  },
  {
    name: 'faults',
    key: 'faults',
    value: 'kinds',
    defaultText: 'rate-limit+server-error+cut+bad-json+empty',
    description: 'the fault kinds that --errors spreads over (hang is opt-in)',
  },
  {
    name: 'rate-limit',
    key: 'rateLimit',
    value: 'rate',
    defaultText: undefined,
    description: 'share of calls answered 429 with a Retry-After header',
  },
  {
    name: 'server-error',
    key: 'serverError',
    value: 'rate',
    defaultText: undefined,
    description: 'share of calls answered 500',
  },
  {
    name: 'hang',
    key: 'hang',
    value: 'rate',
    defaultText: undefined,
    description: 'share of calls that get no byte until the client gives up',
  },
  {
    name: 'cut',
    key: 'cut',
    value: 'rate',
    defaultText: undefined,
    description: 'share of replies whose connection drops part-way',
  },
  {
    name: 'bad-json',
    key: 'badJson',
    value: 'rate',
    defaultText: undefined,
    description: 'share of calls asking for JSON that get malformed JSON',
  },
  {
    name: 'empty',
    key: 'empty',
    value: 'rate',
    defaultText: undefined,
    description: 'share of calls answered with an empty reply',
  },
  {
    name: 'retry-after',
    key: 'retryAfter',
    value: 'duration',
    defaultText: '1s',
    description: 'how long a 429 asks the client to wait',
  },
  {
    name: 'hold',
    key: 'hold',
    value: 'onOff',
    defaultText: 'off',
    description:
      "on: after a 429 every request is refused until its Retry-After has passed, as a real rate limiter's window does",
  },
  {
    name: 'usage',
    key: 'usage',
    value: 'onOff',
    defaultText: 'on',
    description: 'off: replies report no token usage, streamed or not, as some local servers do',
  },
  {
    name: 'context',
    key: 'context',
    value: 'count',
    defaultText: '0',
    description: 'context window in tokens, prompt and reply together; 0 for none',
  },
  {
    name: 'server',
    key: 'server',
    value: 'server',
    defaultText: 'openai',
    description:
      'server imitated past the window: openai, vllm and llama-cpp refuse with their own error, ollama cuts the prompt silently; also which endpoint tells the window',
  },
  {
    name: 'discovery',
    key: 'discovery',
    value: 'onOff',
    defaultText: 'on',
    description:
      "off: the imitated server's discovery endpoint (/props, /v1/models, /api/show) does not tell the window",
  },
  {
    name: 'think',
    key: 'think',
    value: 'thinkingForm',
    defaultText: 'off',
    description:
      'think before each reply, as reasoning models do: in a <think> block of the content (tags) or in a separate delta field (reasoning_content, reasoning)',
  },
  {
    name: 'think-words',
    key: 'thinkWords',
    value: 'positiveCount',
    defaultText: '300',
    description:
      'words of thinking per reply, paced like the answer and counted in its output limit (a quarter when reasoning_effort is low)',
  },
  {
    name: 'chatter',
    key: 'chatter',
    value: 'rate',
    defaultText: '0',
    description:
      "share of prose replies wrapped in an assistant's chatter: an acknowledgement first, a word count and an offer last, in the reply's language",
  },
  {
    name: 'echo-heading',
    key: 'echoHeading',
    value: 'rate',
    defaultText: '0',
    description: 'share of prose replies that open by repeating the heading they were given',
  },
  {
    name: 'fence',
    key: 'fence',
    value: 'rate',
    defaultText: '0',
    description: 'share of prose replies wrapped whole in a ```markdown fence',
  },
  {
    name: 'plan-format',
    key: 'planFormat',
    value: 'planForm',
    defaultText: 'json',
    description:
      'how a plan asked for as JSON is written: JSON, or, like a model without JSON mode, AgentWrite lines, a heading outline, a numbered list or plain prose',
  },
  {
    name: 'defects',
    key: 'defects',
    value: 'rate',
    defaultText: '0',
    description:
      "share of sections (chosen from the seed and the heading) given one planted writing defect; with it on, every section also states the world's one fact, so a contradiction shows",
  },
  {
    name: 'defect-kinds',
    key: 'defectKinds',
    value: 'defectKinds',
    defaultText: 'copied-paragraph+contradiction+off-brief+meta-text+over-length+dropped-thread',
    description: 'the defect kinds --defects draws from',
  },
  {
    name: 'seams',
    key: 'seams',
    value: 'rate',
    defaultText: '0',
    description:
      'share of sections drafted in parallel (told about the section before, not shown it) that open badly there: recapping what it covers, or introducing the subject again',
  },
  {
    name: 'defect-log',
    key: 'defectLog',
    value: 'path',
    defaultText: undefined,
    description:
      'file each planted defect is appended to as a JSON line {section, kind, text}: the ground truth a test counts',
  },
  {
    name: 'note-slip',
    key: 'noteSlip',
    value: 'rate',
    defaultText: '0',
    description:
      'share of replies asked for a marked think note (`@@think` … `@@text`) that get the marking wrong: the note left out, left unclosed, or a marker left inside the section',
  },
  {
    name: 'plan-defects',
    key: 'planDefects',
    value: 'planDefectKinds',
    defaultText: 'none',
    description:
      'plan defects planted in the first plan, each once, in sections drawn from the seed: overlap, missing-term, unbalanced-budget, vague-brief, generic-frame, listicle',
  },
];

/** The knobs in the order help lists them. */
export const simKnobs: readonly SimKnob[] = entries.map(({ value, ...entry }) => ({
  ...entry,
  ...values[value],
}));

/** The knob names, for error messages: "valid options are …". */
export const simKnobNames: readonly string[] = simKnobs.map((each) => each.name);

/** The knob of a name (`rate-limit`) or key (`rateLimit`), if any. */
export function findSimKnob(nameOrKey: string): SimKnob | undefined {
  return simKnobs.find((each) => each.name === nameOrKey || each.key === nameOrKey);
}
