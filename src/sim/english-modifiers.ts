import { wordList } from './word-list.js';

/** English adjectives, lower-case ASCII letters only (one LongBench-Write word each). */
export const englishAdjectives: readonly string[] = wordList(`
  quiet steady bright narrow broad gentle sharp careful patient restless curious distant nearby
  ancient modern familiar unusual ordinary remarkable subtle vivid pale dark warm cool cold humid
  dry fertile barren crowded hidden visible open fragile sturdy durable brittle flexible rigid
  smooth rough soft loud faint clear cloudy foggy misty sunny windy rainy snowy frozen molten
  golden silver crimson amber emerald ivory scarlet violet indigo azure silent hollow dense sparse
  thick thin heavy swift slow sudden gradual constant frequent rare scarce abundant generous
  modest humble proud bold timid eager reluctant honest loyal wise clever skilled clumsy graceful
  elegant plain simple complex intricate elaborate rustic urban rural coastal northern southern
  eastern western central local regional national global private public shared common mutual
  personal practical useful valuable costly fair brave calm tense anxious hopeful cheerful gloomy
  solemn playful serious vital essential minor major primary secondary early late recent former
  seasonal annual daily nightly weekly rapid brisk lively sleepy drowsy alert attentive thoughtful
  deliberate casual formal neat tidy messy tangled twisted straight crooked round oval tall short
  wide deep shallow steep flat level uneven jagged polished weathered worn faded fresh ripe bitter
  sweet salty sour savory fragrant earthy woody grassy sandy rocky muddy dusty glossy velvet
  wooden woolen linen cotton electric mechanical digital manual automatic precise accurate
  tentative provisional reliable uncertain obvious secret sacred festive lonely busy idle vacant
  spacious cramped cozy bare lush green blue grey brown white black red yellow purple tawny
  russet fierce wild tame domestic foreign native remote isolated connected fluent awkward sincere
  candid discreet obscure famous noble ragged tattered pristine spotless luminous radiant
  shimmering glowing flickering drifting wandering rolling winding rushing trembling rising
  growing fading lasting passing shifting enduring unfinished unspoken unexpected unnoticed
  untold uneasy unhurried unbroken unlikely steadfast resilient stubborn tender mellow robust lean
  ample meager lavish frugal thrifty prudent reckless nimble agile sluggish weary tireless
  vigilant serene tranquil turbulent stormy placid murky crisp bracing balmy sultry chilly frosty
  wintry autumnal patient hardy sunlit moonlit
`);

/** English adverbs of manner and frequency. */
export const englishAdverbs: readonly string[] = wordList(`
  quietly slowly steadily gently carefully patiently rarely often seldom usually gradually suddenly
  briefly openly plainly clearly simply nearly barely deeply fully partly mostly largely widely
  closely loosely firmly softly warmly eagerly calmly boldly proudly humbly honestly freely fairly
  evenly neatly swiftly rapidly promptly sometimes occasionally frequently constantly repeatedly
  still already perhaps certainly surely probably possibly apparently evidently naturally
  curiously strangely oddly happily sadly luckily wisely thoughtfully deliberately casually
  politely kindly lightly heavily densely sparsely brightly dimly faintly vividly sharply smoothly
  roughly tightly precisely exactly broadly quickly silently loudly stubbornly tirelessly
  reluctantly willingly cheerfully solemnly playfully seriously tenderly fiercely wildly serenely
  restlessly anxiously hopefully
`);

/** Phrases that open a sentence, followed by a comma. None sounds like a summary or a label. */
export const englishOpeners: readonly string[] = wordList(
  `meanwhile, still, even so, in practice, at first, over time, by contrast, later, here, elsewhere,
  instead, for now, in turn, at times, more often, on balance, seen closely, by evening,
  after a while, for a moment, at the same time, on the other hand, for many, in some places,
  across the years, as a rule, by degrees, now and then, above all, after all, of course,
  to be sure, in truth, at heart, on the surface, beneath it all, sooner or later,
  for the most part, from a distance, up close, every so often, in quieter hours, oddly enough,
  not surprisingly, more than once, year after year, at dawn, by midday, all the same`,
  /,/,
);

/** Prepositions that start a phrase of place or time. */
export const englishPrepositions: readonly string[] = wordList(`
  in across within beyond through under around among behind beside toward along against after
  before during without near above below inside outside past beneath throughout upon
`);

/** Words that open a subordinate clause. */
export const englishSubordinators: readonly string[] = wordList(
  `when, while, although, because, since, once, unless, whereas, as, if, before, after, until,
  even though, now that, as long as`,
  /,/,
);

/** Modal verbs; the verb after them stays in its base form. */
export const englishModals: readonly string[] = wordList(
  'can may might could will would should must',
);
