/** A length a prompt asks for: English in words, Chinese in characters. */
export interface RequestedLength {
  count: number;
  unit: 'words' | 'characters';
}

const number = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const multiplier = String.raw`\s*(k|thousand)?`;
const patterns: {
  regex: RegExp;
  unit: RequestedLength['unit'];
  read: (match: RegExpExecArray) => number;
}[] = [
  {
    // "800 to 1,000 words", "between 2k and 3k words", "1,500–2,000-word": the middle of the range.
    regex: new RegExp(
      `${number}${multiplier}\\s*(?:-|–|—|to|and)\\s*${number}${multiplier}[\\s-]*words?\\b`,
      'gi',
    ),
    unit: 'words',
    read: (match) => (scaled(match[1], match[2]) + scaled(match[3], match[4])) / 2,
  },
  {
    // "about 600 words", "a 1,200-word essay", "5k words", "10 thousand words".
    regex: new RegExp(`${number}${multiplier}[\\s-]*words?\\b`, 'gi'),
    unit: 'words',
    read: (match) => scaled(match[1], match[2]),
  },
  {
    // "1.5万字", "3万个汉字".
    regex: new RegExp(`${number}\\s*万\\s*个?\\s*汉?字`, 'g'),
    unit: 'characters',
    read: (match) => plain(match[1]) * 10_000,
  },
  {
    // "不少于4000字", "3000个汉字", "2千字".
    regex: new RegExp(`${number}\\s*(千)?\\s*个?\\s*汉?字`, 'g'),
    unit: 'characters',
    read: (match) => plain(match[1]) * (match[2] ? 1_000 : 1),
  },
];

/**
 * Finds the length a text asks for. When it names several, the last one wins: quire's writer
 * prompts state the whole document's length first and the current section's target last. Pure.
 */
export function findRequestedLength(text: string): RequestedLength | undefined {
  let best: { end: number; start: number; length: RequestedLength } | undefined;
  for (const { regex, unit, read } of patterns) {
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      const count = Math.round(read(match));
      const end = match.index + match[0].length;
      if (!(count > 0)) continue;
      if (best === undefined || end > best.end || (end === best.end && match.index < best.start)) {
        best = { end, start: match.index, length: { count, unit } };
      }
    }
  }
  return best?.length;
}

function plain(text: string | undefined): number {
  return Number.parseFloat((text ?? '').replaceAll(',', ''));
}

function scaled(text: string | undefined, suffix: string | undefined): number {
  return plain(text) * (suffix ? 1_000 : 1);
}
