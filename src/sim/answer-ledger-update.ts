import { findTextFacts } from '../util/find-text-facts.js';
import { isSchemaObject, resolveSchema } from './resolve-schema.js';
import type { JsonSchema } from './sim-request.js';

/** True for a schema asking what a section adds to a fact ledger: entities, claims, threads. */
export function isLedgerUpdateSchema(schema: JsonSchema | undefined): boolean {
  if (schema === undefined) return false;
  const root = resolveSchema({ schema, root: schema });
  const properties = isSchemaObject(root.properties) ? Object.keys(root.properties) : [];
  return ['entities', 'claims', 'threadsOpened', 'threadsResolved'].every((name) =>
    properties.includes(name),
  );
}

/**
 * The simulated model's ledger update, read from the prompt as a careful reader would: the
 * section between `<section>` tags gives the names (with the sentences stating figures about
 * them), the claims (sentences with figures, else the opening one) and the questions it leaves
 * open, each scheduled for the listed later section whose title shares most words with it; an
 * open thread listed in the prompt is resolved when most of its words appear in the section.
 * Nothing comes from hidden state. Pure.
 */
export function answerLedgerUpdate({ prompt }: { prompt: string }): string {
  const section = /<section>\n?([\s\S]*?)\n?<\/section>/.exec(prompt)?.[1] ?? '';
  const facts = findTextFacts({ text: section });
  const later = [...prompt.matchAll(/^- (\S+): (.+)$/gm)].map((match) => ({
    id: match[1]!,
    title: match[2]!,
  }));
  const open = /Threads open before this section:\n([\s\S]*?)\n\n/.exec(prompt)?.[1] ?? '';
  const sectionWords = new Set(wordsOf(section));
  const resolved = open
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2))
    .filter((thread) => {
      const words = wordsOf(thread);
      return (
        words.length > 0 &&
        words.filter((word) => sectionWords.has(word)).length / words.length > 0.7
      );
    });
  const bestFor = (text: string) => {
    const words = new Set(wordsOf(text));
    const scored = later.map((each) => ({
      id: each.id,
      shared: wordsOf(each.title).filter((word) => words.has(word)).length,
    }));
    const best = scored.sort((left, right) => right.shared - left.shared)[0];
    return best && best.shared > 0 ? best.id : (later[0]?.id ?? '');
  };
  const claims = facts.figures.length > 0 ? facts.figures : facts.sentences.slice(0, 1);
  return JSON.stringify({
    entities: facts.figuresAbout.slice(0, 6).map(({ name, sentences }) => ({
      name,
      kind: 'other',
      attributes: sentences.map((value) => ({ name: 'stated', value })),
    })),
    claims: claims.slice(0, 4),
    threadsOpened: facts.questions
      .slice(0, 2)
      .map((question) => ({ text: question, resolveIn: bestFor(question) })),
    threadsResolved: resolved,
  });
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [];
}
