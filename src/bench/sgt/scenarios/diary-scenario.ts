import { buildScenarioTask } from '../build-scenario-task.js';
import { placeLinearConstraints, type ScenarioEvents } from '../place-linear-constraints.js';
import type { SgtScenario } from '../sgt-scenario.js';

const writers = [
  'a harbour pilot in a northern port town',
  'a retired schoolteacher who keeps bees',
  'a night-shift nurse on a coastal island',
  'a young architect who has just moved to the city',
  'the keeper of a small mountain refuge',
  'a violin maker with a workshop above a bakery',
];

const events: ScenarioEvents = {
  once: [
    "the opening of my sister's bakery",
    'a surprise visit from my old teacher Mr. Okafor',
    "my nephew's first violin recital",
    'the night the roof leaked during the storm',
    'winning the village quiz night',
    'signing the lease on the allotment',
    'finding a lost hedgehog in the shed',
    'our tenth wedding anniversary dinner',
    'selling the old motorbike',
    'a job interview at the ferry company',
  ],
  range: [
    'rehearsals for the harbour choir concert',
    'physiotherapy for my sprained ankle',
    'painting the back bedroom',
    'training for the coastal half-marathon',
    "looking after the neighbour's greyhound",
    'an evening course in bookkeeping',
  ],
  periodic: [
    'a phone call with my brother in Lisbon',
    'taking the recycling to the depot',
    'a chess evening at the library',
    'visiting grandmother at the care home',
    'the book club meeting',
    'cleaning the gutters',
  ],
};

/** A weekly diary: events on given weeks, stretches of weeks, and recurring ones. */
export const diaryScenario: SgtScenario = {
  name: 'diary',
  unit: 'Week',
  build(random) {
    const segments = random.integer(20, 30);
    const year = random.integer(2031, 2039);
    const writer = random.pick(writers);
    return buildScenarioTask({
      unit: 'Week',
      segments,
      minWords: 100,
      constraints: placeLinearConstraints({
        random,
        segments,
        events,
        counts: { once: random.integer(3, 4), range: 2, periodic: 2 },
        rangeLength: [3, 5],
        every: [4, 8],
      }),
      opening: `Write the private diary of ${writer} for the first ${segments} weeks of ${year}, in the first person, one entry per week.`,
      closing:
        'Keep names, places and running storylines consistent from week to week, and let each entry describe what happened that week.',
    });
  },
};
