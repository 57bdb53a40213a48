/**
 * HelloBench's two sets: `main`, its 647 real-world tasks in five task types (open-ended QA,
 * summarisation, chat, text completion, heuristic text generation), and `length-constrained`,
 * 123 writing tasks asked at about 2,000, 4,000, 8,000 and 16,000 words.
 */
export type HellobenchSubset = 'main' | 'length-constrained';

/** The subsets, for flags and suite files. */
export const hellobenchSubsets: readonly HellobenchSubset[] = ['main', 'length-constrained'];

/** The lengths of the length-constrained set, as its files name them. */
export type HellobenchLength = '2k' | '4k' | '8k' | '16k';

/** The lengths in order. */
export const hellobenchLengths: readonly HellobenchLength[] = ['2k', '4k', '8k', '16k'];

/** The main set's task types, as its files name them, in the paper's order. */
export const hellobenchTaskTypes = [
  'open_ended_qa',
  'summarization',
  'chat',
  'text_completion',
  'heuristic_text_generation',
] as const;
