/** A section while the plan is being normalised. */
export interface WorkingSection {
  title: string;
  brief: string;
  words: number;
  /** 0-based indexes of the drafted sections this one came from (for constraint placement). */
  origins: number[];
  segment?: number;
  continuation?: boolean;
}
