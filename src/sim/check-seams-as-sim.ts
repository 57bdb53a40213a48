import type { SimResponseFormat } from './sim-request.js';

/** One defect at a seam, in the shape the seam checker's schema asks for. */
export interface SimSeamFinding {
  seam: number;
  rule: 'transition' | 'duplicate' | 'contradiction';
  message: string;
  severity: 'error' | 'warning';
}

/** True when a JSON request's schema asks for `seams` and `findings`: a seam checker's request. */
export function asksForSeamCheck(format: SimResponseFormat): boolean {
  if (format.type !== 'json' || typeof format.schema !== 'object') return false;
  const properties = (format.schema as { properties?: Record<string, unknown> }).properties;
  return properties !== undefined && 'findings' in properties && 'seams' in properties;
}

const seamPattern =
  /<seam number="(\d+)">\n<earlier [^>]*brief="([^"]*)">\n([\s\S]*?)\n<\/earlier>\n<later [^>]*>\n([\s\S]*?)\n<\/later>/g;
const restart =
  /^(?:this (?:guide|document|article|book|report|piece)\b|in this (?:guide|document|article)\b|welcome\b)/i;
/** Words in a row an opening must share with the earlier section to be saying it again. */
const sharedRun = 8;

/**
 * Answers a seam checker's request the way a careful reader would, from the seams in the prompt
 * alone: an opening that starts the document's subject over is a bad transition; an opening
 * that says again, eight words or more in a row, what the earlier section's brief or ending says
 * is a duplicate. It never sees what was planted. Pure.
 */
export function checkSeamsAsSim({ prompt }: { prompt: string }): {
  seams: number[];
  findings: SimSeamFinding[];
} {
  const seams: number[] = [];
  const findings: SimSeamFinding[] = [];
  for (const match of prompt.matchAll(seamPattern)) {
    const seam = Number(match[1]);
    const [earlierBrief, ending, opening] = [match[2]!, match[3]!, match[4]!];
    seams.push(seam);
    if (restart.test(opening.trim())) {
      findings.push({
        seam,
        rule: 'transition',
        message: `the opening introduces the subject again ("${opening.slice(0, 50)}…") instead of following on from the section before`,
        severity: 'error',
      });
    }
    const repeated = sharedWords(opening, `${earlierBrief}\n${ending}`);
    if (repeated !== undefined) {
      findings.push({
        seam,
        rule: 'duplicate',
        message: `the opening says again what the section before covers ("${repeated}…"); turn to this section's own point`,
        severity: 'error',
      });
    }
  }
  return { seams, findings };
}

/** The first run of `sharedRun` words `text` shares with `source`, if any. Pure. */
function sharedWords(text: string, source: string): string | undefined {
  const words = (value: string) => value.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  const known = new Set<string>();
  const sourceWords = words(source);
  for (let start = 0; start + sharedRun <= sourceWords.length; start++) {
    known.add(sourceWords.slice(start, start + sharedRun).join(' '));
  }
  const textWords = words(text);
  for (let start = 0; start + sharedRun <= textWords.length; start++) {
    const run = textWords.slice(start, start + sharedRun).join(' ');
    if (known.has(run)) return run;
  }
  return undefined;
}
