import type { Constraint } from '../../../evaluators/constraints/constraint-file-schema.js';
import type { SeededRandom } from '../../../sim/seeded-random.js';
import { buildScenarioTask } from '../build-scenario-task.js';
import { drawDistinct } from '../draw-distinct.js';
import type { ScenarioEvents } from '../place-linear-constraints.js';
import type { SgtScenario } from '../sgt-scenario.js';

const towns = [
  'a new river town',
  'a rebuilt harbour district',
  'a garden city on a plateau',
  'a university town around a lake',
];

const events: ScenarioEvents = {
  once: [
    'the old tram depot',
    'a glass-roofed covered market',
    'the fire station',
    'a cricket ground',
    'the town observatory',
    'a sculpture park',
    'the central post office',
    'a community theatre',
  ],
  range: [
    'the canal promenade',
    'a boulevard lined with plane trees',
    'the light-rail line',
    'a cycle highway',
    'the student quarter',
  ],
  periodic: [
    'a public drinking fountain',
    'a bus shelter with a solar roof',
    'a pocket playground',
    'a bicycle repair stand',
    'a charging point for electric cars',
  ],
};

/**
 * A town on a square grid of blocks numbered row by row from the north-west corner (block n
 * is column x, row y with n = y·width + x + 1): landmarks on given blocks, a row and a column
 * that share a feature (a column is a range stepping by the width), and recurring features.
 */
export const cityGridScenario: SgtScenario = {
  name: 'city-grid',
  unit: 'Block',
  build(random) {
    const width = random.integer(5, 6);
    const segments = width * width;
    const town = random.pick(towns);
    return buildScenarioTask({
      unit: 'Block',
      segments,
      minWords: 100,
      constraints: placeGridConstraints({ random, width }),
      opening: `Describe ${town} laid out as a grid of ${width} × ${width} blocks, numbered row by row from the north-west corner: Block 1 to Block ${width} form the northern row from west to east, Block ${width + 1} starts the second row, and Block ${segments} is the south-east corner. For each block, say what stands there, who uses it, and how it connects to its neighbours.`,
      closing: 'Keep streets, landmarks and neighbours consistent between adjacent blocks.',
    });
  },
};

function placeGridConstraints({
  random,
  width,
}: {
  random: SeededRandom;
  width: number;
}): Constraint[] {
  const segments = width * width;
  const onceCount = random.integer(3, 4);
  const blocks = drawDistinct({
    random,
    pool: Array.from({ length: segments }, (_, index) => index + 1),
    count: onceCount,
  }).sort((left, right) => left - right);
  const once = drawDistinct({ random, pool: events.once, count: onceCount }).map(
    (event, index): Constraint => ({ type: 'once', segment: blocks[index] ?? 1, event }),
  );
  const [rowEvent, columnEvent] = drawDistinct({ random, pool: events.range, count: 2 });
  const row = random.integer(0, width - 1);
  const column = random.integer(0, width - 1);
  const ranges: Constraint[] = [
    { type: 'range', start: row * width + 1, end: row * width + width, event: rowEvent ?? '' },
    {
      type: 'range',
      start: column + 1,
      end: (width - 1) * width + column + 1,
      every: width,
      event: columnEvent ?? '',
    },
  ];
  const periodic = drawDistinct({ random, pool: events.periodic, count: 2 }).map(
    (event): Constraint => {
      const step = random.integer(4, 7);
      return { type: 'periodic', start: random.integer(1, step), every: step, event };
    },
  );
  return [...once, ...ranges, ...periodic];
}
