import { wordList } from './word-list.js';

/**
 * Regular English verbs (their "-s", "-ed" forms follow `inflect.ts`; none double a final
 * consonant). Transitive ones take an object; intransitive ones end a clause or take a phrase.
 */
export const transitiveVerbs: readonly string[] = wordList(`
  shape gather carry follow measure weigh explore examine inspect describe explain question answer
  consider compare contrast balance arrange organize collect assemble connect divide separate
  combine blend polish repair restore preserve protect defend guard support sustain nourish
  cultivate plant harvest store share offer present deliver receive accept refuse welcome invite
  greet visit approach cross climb enter navigate guide steer direct manage handle lift raise lower
  push pull press fold unfold open close fill pour stir heat cool warm clean wash paint sketch
  trace mark label record capture reflect echo recall remember imagine picture notice observe
  watch witness sense detect reveal conceal cover uncover discover invent design test verify
  confirm trust challenge resist endure embrace adopt adapt adjust alter change improve refine
  simplify clarify expand extend stretch widen deepen soften harden strengthen weaken loosen
  tighten shorten lengthen brighten darken sharpen frame anchor favor value honor celebrate praise
  reward train coach inform remind warn advise persuade convince encourage inspire provoke disturb
  soothe comfort surprise puzzle amaze delight bury copy study supply apply occupy tidy steady vary
  classify unify justify modify identify chart track pursue chase search attract absorb filter
  sort rank count estimate calculate predict schedule prepare bake boil roast season taste touch
  brush comb knit stitch mend patch fasten attach detach release launch complete start pause
  resume continue interrupt delay quicken settle surround enclose encircle outline illustrate
  illuminate ignite kindle scatter pile stack pack unpack load unload haul tow hoist tilt turn
  twist curve shelter host harbor nurture tend rescue recover retrieve return replace remove
  reduce increase double compose perform rehearse practice master learn borrow owe own earn invest
  trade exchange purchase afford demand request require involve include exclude contain survey
  sample assess judge interview consult address thank mirror border center shelter gather
`);

/** Verbs that stand without an object: "the tide lingers near the pier". */
export const intransitiveVerbs: readonly string[] = wordList(`
  drift linger wander settle rest pause glow fade flourish vanish appear arrive depart return travel
  gather hesitate wait listen struggle thrive persist endure collapse emerge evolve improve recover
  shimmer tremble murmur wonder smile labor roam rally hurry worry shiver sparkle flicker falter
  sway ripple swirl hover bloom wither ripen mature soften settle dwell remain matter differ
  continue change stay turn pass
`);
