/** One criterion of a rubric: what the judge scores from 1 to 10 in its own call. */
export interface RubricCriterion {
  /** A short name, unique within the rubric, e.g. "Data accuracy". */
  name: string;
  /** What the criterion asks of the document, in full. */
  description: string;
  /** What each band of scores means, when the rubric says (WritingBench's "1-2" … "9-10"). */
  levels: Array<{ scores: string; meaning: string }>;
}

/** A rubric as quire uses it, whichever file format it came from. */
export interface Rubric {
  /** The file format it was read from. */
  format: 'quire' | 'writingbench';
  /** The request the document answers, when the rubric gives one (WritingBench's `query`). */
  request: string | null;
  criteria: RubricCriterion[];
}
