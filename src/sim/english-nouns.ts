import { wordList } from './word-list.js';

/**
 * Concrete and abstract English nouns whose plurals follow the regular rules in `inflect.ts`
 * (no "-f", "-o" or irregular plurals), lower-case ASCII letters only, so every one counts as
 * exactly one word under the LongBench-Write definition.
 */
export const englishNouns: readonly string[] = wordList(`
  harbor valley river meadow forest orchard garden village market bridge tower lantern window
  doorway corridor courtyard library archive workshop studio kitchen cellar attic rooftop street
  avenue square station platform signal engine lever wheel gear anchor sail vessel canal island
  coastline cliff ridge summit slope trail path road journey voyage season winter summer autumn
  morning evening twilight horizon shadow mirror surface texture pattern rhythm melody chorus
  harmony canvas sketch portrait landscape sculpture fabric thread needle loom basket ledger
  letter journal notebook margin story legend rumor promise habit ritual custom tradition
  festival ceremony gathering council committee neighbor stranger traveler merchant farmer
  builder teacher student scholar artisan gardener sailor pilot engineer painter musician baker
  miller weaver keeper guide witness observer reader listener founder parent sibling elder
  apprentice mentor rival partner ally friend guest host crowd audience community household
  family generation century decade moment interval threshold boundary frontier border region
  province territory climate storm breeze current tide wave flood drought harvest grain wheat
  barley seed root branch blossom petal vine moss fern pine oak willow cedar maple birch stone
  pebble boulder granite marble clay soil ember flame spark candle torch beacon compass map
  atlas chart diagram blueprint model measure scale balance weight distance height depth width
  angle curve circle spiral grid network system structure framework foundation pillar beam arch
  vault dome wall fence gate corner edge center core layer fragment piece portion share resource
  reserve supply budget account record clue message answer question puzzle riddle problem
  solution method approach practice technique skill talent instinct intuition memory idea notion
  concept theory principle argument claim reason motive purpose goal ambition desire hope fear
  doubt courage patience wonder sorrow comfort trust freedom duty honor burden reward risk chance
  fortune choice decision consequence outcome effect influence pressure tension conflict debate
  dialogue conversation voice accent symbol sign gesture glance smile whisper echo sound tone
  color shade hue glow ray shape form outline frame tool instrument device machine mechanism
  circuit wire cable sensor screen keyboard camera lens telescope microscope experiment sample
  specimen measurement estimate forecast trend shift transition change growth decline movement
  migration settlement empire kingdom republic nation town suburb district neighborhood mill mine
  farm ranch vineyard pasture field acre barn stable cottage cabin manor castle fortress temple
  chapel cathedral monument museum theater stage scene performance rehearsal ticket coin wallet
  purse bargain trade exchange loan debt wage price cost profit loss investment venture
  institution rule contract charter license permit request proposal schedule calendar deadline
  routine errand task project mission expedition invention design prototype edition cabinet
  drawer box crate barrel bottle jar cup bowl plate spoon kettle oven hearth chimney lamp blanket
  pillow quilt coat scarf glove boot hat ribbon button pocket sleeve collar knot rope chain hinge
  bolt nail hammer chisel brush pencil ink parchment scroll envelope stamp parcel package route
  detour crossing junction intersection tunnel carriage wagon cart bicycle train tram truck dock
  pier lighthouse buoy reef lagoon bay cove marsh swamp pond lake stream creek waterfall glacier
  canyon plateau prairie desert dune jungle grove thicket hedge bramble nest burrow den hive flock
  herd swarm creature animal bird sparrow falcon heron owl raven crow gull fox bear rabbit badger
  otter beaver whale dolphin turtle lizard beetle moth spider insect apple pear plum lemon olive
  walnut acorn mushroom onion carrot turnip pumpkin biscuit cheese soup stew recipe meal feast
  supper breakfast picnic appetite effort attention insight perspective context detail feature
  element factor aspect dimension condition situation circumstance environment habitat ecosystem
  momentum friction orbit planet comet meteor star universe atom molecule cell gene protein
  organism fossil mineral crystal metal timber plank brick tile roof floor staircase ladder
  terrace porch courtyard voyage lantern signal harbor orchard ferry quarry colony company agency
  policy treaty delivery recovery discovery gallery factory city laboratory battery cherry berry
  butterfly galaxy quality property energy estuary balcony curiosity salary
`);
