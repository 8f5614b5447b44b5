// Word lists of speaker resolution: reporting verbs, titles, roles, organisation nouns and the small words
// that open or join names. Lowercase; one list per kind of word so each stage reads only what it needs.

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

export const VERBS = words(`
  said says told tells added adds wrote writes posted tweeted stated states declared explained explains noted
  notes insisted insists argued argues warned warns asked asks replied replies responded answered continued
  remarked stressed emphasised emphasized acknowledged admitted announced confirmed recalled suggested
  urged called described predicted concluded concludes observed commented agreed mentioned quipped joked conceded
  contended asserted claimed claims cautioned recounted reiterated maintained lamented complained boasted shouted
  testified wondered blurted snapped vowed pledged countered recalls
  began saying telling adding writing`);
/** Verbs after which a name is the listener, not the speaker (`told AFP`). */
export const LISTENER_VERBS = words('told tells asked asks telling urged called');
export const PARTICIPLES = words('saying telling adding writing');
/** Verbs that only report speech when a document or statement is their subject ("the report finds"). */
export const DOCUMENT_VERBS = words('finds found reads read');
export const SKIPPED_BEFORE_VERB = words(
  'also has have had would will further again earlier later then previously recently once reportedly simply only just repeatedly',
);
/** Particles after a verb that belong to it ("blurted out"). */
export const VERB_PARTICLES = words('out back');
export const PRONOUNS = words('he she they it we i');
export const POSSESSIVES = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['its', 'it'],
  ['their', 'they'],
]);
export const RELATIVES = words('which who');
/** Capitalised words that start sentences or clauses but are not names. */
export const CAPITAL_STOPWORDS = words(`
  the a an but and or however in on at for with after before as when while meanwhile also this that these those
  it he she they we i asked according speaking earlier later still yet so then now last next his her their its our
  monday tuesday wednesday thursday friday saturday sunday if though although despite since during from to by
  there here what why how where one two`);
export const TITLES = words(`
  mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady president vice prime minister premier chancellor
  king queen prince princess pope sen. senator rep. representative gov gov. governor mayor secretary
  general gen gen. brig brig. lt lt. col col. maj maj. capt capt. sgt sgt. adm adm. cmdr cmdr. admiral
  colonel major captain sergeant lieutenant commander judge justice chief ambassador envoy spokesperson
  spokesman spokeswoman commissioner director chairman chairwoman chair ceo head deputy foreign defence defense
  finance interior economy trade high supreme acting former opposition leader rector dean bishop archbishop
  rabbi imam father coach inspector superintendent detective constable sheriff marshal doctor professor sheikh
  emir hon hon. rev rev. reverend`);
/** Lowercase nouns that head a description of a person ("the coach", "the veteran midfielder"). */
export const ROLE_NOUNS = words(`
  chief spokesperson spokesman spokeswoman minister president official officials head director leader expert
  analyst analysts professor researcher commissioner ambassador envoy secretary chairman chairwoman ceo founder
  adviser advisor aide lawyer attorney prosecutor judge economist scientist diplomat source sources witness
  resident residents activist activists lawmaker lawmakers senator governor mayor general commander officer
  representative negotiator strategist author co-author co-founder coach manager captain striker midfielder defender
  goalkeeper forward player owner farmer teacher doctor nurse engineer worker steelworker chef pilot driver
  veteran premier chancellor governor principal superintendent inspector detective sheriff founder
  executive boss candidate rival campaigner organiser organizer curator historian architect designer
  singer actor actress artist writer novelist`);
/** Nouns for what people do ("cardiologist", "historian", "challenger") that no list can hold. */
export const OCCUPATION = /^\p{Ll}{3,}(?:ist|ian|or|eer|er)$/u;
/** Words that end like an occupation but are none. */
const NOT_OCCUPATIONS = words(
  'other another latter former whether however rather further together either neither never under over after later number order power paper water matter letter corner border center centre winter summer member',
);
export const isOccupation = (w: string): boolean =>
  w.length >= 6 && OCCUPATION.test(w) && !NOT_OCCUPATIONS.has(w);

/** Lowercase nouns that head the name of an organisation speaking as one. */
export const ORG_NOUNS = words(`
  military army government ministry police office agency company firm council committee court department
  embassy party union administration authorities authority regulator bank commission cabinet presidency
  navy forces group board team campaign club federation association institute university hospital
  foundation league airline operator utility insurer lender carrier manufacturer maker network charity
  museum gallery library school college`);
/** Documents that speak for the organisation that wrote them ("the report concludes"). */
export const DOCUMENT_NOUNS = words(
  'report study statement survey review audit filing letter memo paper analysis',
);
/** Nouns for what someone said, read with a possessive ("her late-night remark"). */
export const SPEECH_NOUNS = words(
  'remark remarks words comment comments message reply response answer warning advice verdict promise statement',
);
/** Family words of an apposition ("Doe's sister, Maria"): the given name takes the family name. */
export const KIN_NOUNS = words(
  'sister brother mother father son daughter wife husband widow widower aunt uncle niece nephew cousin grandmother grandfather',
);
export const FEMALE_NOUNS = words(
  'spokeswoman chairwoman actress sister mother daughter wife widow aunt niece grandmother queen princess dame lady mrs mrs. ms ms. miss',
);
export const MALE_NOUNS = words(
  'spokesman chairman brother father son husband widower uncle nephew grandfather king prince sir lord mr mr.',
);
/** Capitalised words that belong to the name of an office, not of the person holding it. */
export const OFFICE_WORDS = words(
  'rights affairs office ministry council commission department agency bank nations union committee court security foreign defence defense state states human national international united',
);
export const CONNECTORS = words('of for the de del al bin van von la le du da di');
export const DETERMINERS = words('the a an its their his her our this that');
/** Determiners of someone not named: an unresolved "one EU official" names nobody. */
export const INDEFINITE = words('a an one another some');
/** Site furniture in capitals that can sit where a speaker would ("READ MORE", "WATCH"). */
export const FURNITURE = words(
  'read more watch listen advertisement continued below story related also see photo video click here subscribe pull quote',
);
