/**
 * A section title made from its main point, for plan forms that give none (AgentWrite's lines
 * state only the point): the point's first clause, at most ten words (twenty characters of
 * Chinese), without closing punctuation. Pure.
 */
export function titleFromPoint(point: string): string {
  const clause = (point.trim().split(/[.;:!?。；：！？]\s*|,\s|，|\s[-–—]\s/)[0] ?? '').trim();
  const chinese = (clause.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > clause.length / 2;
  const short = chinese ? clause.slice(0, 20) : clause.split(/\s+/).slice(0, 10).join(' ');
  return short.replace(/[\s"'“”(（]+$/, '');
}
