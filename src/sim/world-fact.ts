import { formatCount } from '../util/format-count.js';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';

const givenNames = ['Ines', 'Tomas', 'Maren', 'Odile', 'Piet', 'Sunniva', 'Calder', 'Rosalind'];
const familyNames = ['Corwin', 'Halloran', 'Vesey', 'Marchetti', 'Okafor', 'Lindqvist', 'Brandt'];
const registers = ['register', 'ledger', 'survey', 'census', 'logbook', 'inventory'];

/** A fact the simulated model's world holds: who kept a record and the figure it gives. */
export interface WorldFact {
  record: string;
  keeper: string;
  figure: number;
}

/**
 * The one fact a seed's world holds, which every section of a document written with defects
 * planted states the same way, so that a section stating it otherwise is a contradiction a
 * reader (or reviewer) can see. Depends on the seed alone. Pure.
 */
export function worldFact(seed: number): WorldFact {
  const random = createSeededRandom([seed, 'world-fact']);
  return {
    record: random.pick(registers),
    keeper: `${random.pick(givenNames)} ${random.pick(familyNames)}`,
    figure: random.integer(1_200, 9_800),
  };
}

/** The fact as a sentence: "The ledger kept by Ines Corwin lists 4,512 entries." Pure. */
export function factSentence(fact: WorldFact): string {
  return `The ${fact.record} kept by ${fact.keeper} lists ${formatCount(fact.figure)} entries.`;
}

/** The fact with its keeper's name or its figure changed: what a contradicting section says. */
export function contradictFact(fact: WorldFact, random: SeededRandom): WorldFact {
  if (random.chance(0.5)) {
    const [given] = fact.keeper.split(' ');
    const others = familyNames.filter((name) => !fact.keeper.endsWith(name));
    return { ...fact, keeper: `${given} ${random.pick(others)}` };
  }
  const shift = random.integer(300, 2_000) * (random.chance(0.5) ? 1 : -1);
  return { ...fact, figure: fact.figure + shift };
}
