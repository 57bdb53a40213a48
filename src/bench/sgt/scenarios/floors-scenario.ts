import { buildScenarioTask } from '../build-scenario-task.js';
import { placeLinearConstraints, type ScenarioEvents } from '../place-linear-constraints.js';
import type { SgtScenario } from '../sgt-scenario.js';

const towers = [
  'a timber tower on the edge of a port city',
  'a converted grain silo turned into a vertical neighbourhood',
  'a new civic tower beside the central station',
  'a hillside tower built in terraces',
];

const events: ScenarioEvents = {
  once: [
    'a seed library',
    'a recording studio for the local radio',
    'the office of a maritime insurance broker',
    "a children's dentist",
    'a fencing club',
    'a map restoration workshop',
    "a tea importer's tasting room",
    'a violin repair shop',
  ],
  range: [
    'the city archive',
    'a hotel run by a Danish family',
    'the rehabilitation wing of the hospital',
    'a shared studio space for architects',
    'flats for visiting scholars',
  ],
  periodic: [
    'a sky garden with olive trees',
    'a mechanical plant room',
    'a shared laundry',
    'a refuge floor for emergencies',
    'a small gym for residents',
  ],
};

/** A tower described floor by floor: tenants, wings spanning floors, and recurring floors. */
export const floorsScenario: SgtScenario = {
  name: 'floors',
  unit: 'Floor',
  build(random) {
    const segments = random.integer(24, 36);
    const tower = random.pick(towers);
    return buildScenarioTask({
      unit: 'Floor',
      segments,
      minWords: 100,
      constraints: placeLinearConstraints({
        random,
        segments,
        events,
        counts: { once: random.integer(3, 4), range: 2, periodic: 2 },
        rangeLength: [3, 6],
        every: [5, 10],
      }),
      opening: `Describe ${tower}, a building of ${segments} floors, floor by floor from the ground up: what occupies each floor, who works or lives there, and what a visitor notices.`,
      closing: 'Keep the building, its lifts, stairs and residents consistent from floor to floor.',
    });
  },
};
