// A made-up news article for the entity tests and the entity bench: every kind of mention the recogniser
// knows, written for these tests (no real article's text).
export const FIXTURE_ARTICLE = [
  'Ministers Meet in Lisbon as Talks Resume',
  '',
  'LISBON, March 3 (Reuters) — Portuguese Prime Minister Marta Vilanova met Brazilian President Kim Soo-hyun on Monday at the Belem Palace, the first visit by a Brazilian leader since the Lisbon Expo.',
  '',
  '"We have to move faster," Vilanova said. Kim said the two countries would sign a trade pact.',
  '',
  'Vilanova, who took office in May, faces pressure from the Portuguese Ministry of Finance and the Bank of Portugal. Kim Soo Hyun later visited the Montalvo coal mine and spoke at the University of Lisbon.',
  '',
  'Analysts at the Atlantic Policy Institute said the talks could ease tensions in the Iberian Peninsula. Vilanov was unavailable for comment, said spokesperson Rui Tavares.',
].join('\n');
