/**
 * The few English inflections the prose generator needs, for the regular words of its
 * vocabulary: plural nouns, third-person verbs and past participles. Pure.
 */
export const inflect = {
  /** `harbor` → `harbors`, `bench` → `benches`, `city` → `cities`. */
  plural(noun: string): string {
    if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
    if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
    return `${noun}s`;
  },

  /** `lighthouses` → `lighthouse`, `cities` → `city`, `benches` → `bench`; `glass` stays. */
  singular(noun: string): string {
    if (/[^aeiou]ies$/.test(noun)) return `${noun.slice(0, -3)}y`;
    if (/(ss|x|z|ch|sh)es$/.test(noun)) return noun.slice(0, -2);
    if (/[^su]s$/.test(noun)) return noun.slice(0, -1);
    return noun;
  },

  /** `carry` → `carries`, `echo` → `echoes`, `shape` → `shapes`. */
  thirdPerson(verb: string): string {
    if (/(s|x|z|ch|sh|o)$/.test(verb)) return `${verb}es`;
    if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
    return `${verb}s`;
  },

  /** `shape` → `shaped`, `carry` → `carried`, `gather` → `gathered`. */
  pastParticiple(verb: string): string {
    if (verb.endsWith('e')) return `${verb}d`;
    if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
    return `${verb}ed`;
  },

  /** `a harbor`, `an orchard`, `a useful tool`: the article for the word that follows. */
  article(nextWord: string): 'a' | 'an' {
    const word = nextWord.toLowerCase();
    if (/^(hour|honest|honor|heir)/.test(word)) return 'an';
    if (/^(uni|use|usu|uti|eu|one|once)/.test(word)) return 'a';
    return /^[aeiou]/.test(word) ? 'an' : 'a';
  },

  /** `harbor lights` → `Harbor Lights`. */
  titleCase(words: readonly string[]): string[] {
    const small = new Set(['a', 'an', 'the', 'of', 'and', 'in', 'on', 'at', 'for', 'to', 'by']);
    return words.map((word, index) =>
      index > 0 && small.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    );
  },
};
