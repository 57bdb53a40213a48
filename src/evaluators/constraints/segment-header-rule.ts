/**
 * How a segment's header is read.
 * - `sgt`: SGT / LongGenBench's own rule, so CR matches its published numbers: the label, one
 *   literal space and a number (`Week 17`), case as given; in a separated piece the first match
 *   anywhere in it counts, as SGT's `re.search(f"{type} (\d+)", block)` does.
 * - `lenient`: any whitespace and any case (`week  17`), and only in a piece's first line. Not
 *   SGT's rule: it scores sloppy headers as present, so its CR is not comparable with SGT's.
 */
export type SegmentHeaderRule = 'sgt' | 'lenient';

/** How a rule is named wherever a score computed with it is printed. */
export function describeHeaderRule(rule: SegmentHeaderRule): string {
  return rule === 'sgt'
    ? "SGT's header rule (label, one space, number; case as given)"
    : "lenient headers (any spacing and case): not SGT's rule, CR not comparable with published scores";
}
