// The commonest function words of English and function characters of Chinese. Natural prose
// keeps a steady share of them (about 40–50% of English tokens, 10–20% of Chinese characters);
// text that collapses into keyword salad loses them.
const english = `a about above after again against all also am an and any are as at be because
been before being below between both but by can could did do does doing down during each either
few for from further had has have having he her here hers herself him himself his how i if in
into is it its itself just may me might more most must my myself neither no nor not of off on
once only or other our ours ourselves out over own same shall she should so some such than that
the their theirs them themselves then there these they this those through to too under until up
upon very was we were what when where which while who whom whose why will with within without
would yet you your yours yourself yourselves`;

const chinese = '的了是在和也就都而及与着或之于以其这那你我他她它们有不个上为把被对从向给吗呢吧啊';

/** Lower-case English function words and single Chinese function characters. */
export const functionWords: ReadonlySet<string> = new Set([
  ...english.split(/\s+/).filter(Boolean),
  ...chinese,
]);
