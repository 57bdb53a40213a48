import { buildScenarioTask } from '../build-scenario-task.js';
import { placeLinearConstraints, type ScenarioEvents } from '../place-linear-constraints.js';
import type { SgtScenario } from '../sgt-scenario.js';

const restaurants = [
  'a family trattoria by a river harbour',
  'a vegetarian bistro in a university town',
  'a fish restaurant on a windy headland',
  'a mountain inn that cooks with what the valley grows',
  'a station café that serves travellers all day',
];

const events: ScenarioEvents = {
  once: [
    'a saffron risotto for the harvest festival',
    'a beetroot and goat cheese tart for the poetry evening',
    "a whole roasted sea bass for the owner's birthday",
    'a chestnut soup for the first frost',
    'a lemon meringue pie for the regatta',
    'a spiced lentil stew for the charity lunch',
    'a mushroom wellington for the wine tasting',
    "cardamom buns for the bakery's anniversary",
  ],
  range: [
    'the asparagus season specials',
    'dishes from the Basque coast',
    "the apprentice chef's tasting plates",
    'pickles from the fermentation festival',
    'a smoked fish promotion',
  ],
  periodic: [
    'a pie of the day',
    'fresh oysters from the bay',
    'a vegan tasting board',
    'slow-cooked lamb shoulder',
    'a cheese trolley from the valley farms',
  ],
};

/** A daily menu: dishes on given days, seasonal stretches, and recurring specials. */
export const menuScenario: SgtScenario = {
  name: 'menu',
  unit: 'Day',
  build(random) {
    const segments = random.integer(21, 28);
    const restaurant = random.pick(restaurants);
    return buildScenarioTask({
      unit: 'Day',
      segments,
      minWords: 100,
      constraints: placeLinearConstraints({
        random,
        segments,
        events,
        counts: { once: random.integer(3, 4), range: 2, periodic: 2 },
        rangeLength: [4, 7],
        every: [5, 7],
      }),
      opening: `Write the menu of ${restaurant} for ${segments} consecutive days, one entry per day: the starters, main courses and desserts on offer, each with a line on how it is prepared, and a short note from the chef.`,
      closing: 'Keep the kitchen, its suppliers and its staff consistent from day to day.',
    });
  },
};
