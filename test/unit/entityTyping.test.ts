// The rule engine's typing stage on its own, one rule file at a time: run edges, lower-case tails, head
// words, titles, gazetteer pieces, shape and context, capitals and line shapes, then the stage's order
// (every name here is invented, except the places, which must be in the gazetteer). Texts are prose, as
// a line of capitalised words reads as a heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCandidateRuns } from '../../server/src/analysis/entities/candidateRuns';
import { typeCapitals } from '../../server/src/analysis/entities/capitals';
import { typePieces } from '../../server/src/analysis/entities/gazetteerPieces';
import { typeByHead } from '../../server/src/analysis/entities/headWords';
import { LineShapes } from '../../server/src/analysis/entities/lineShapes';
import { typeByLowerTail } from '../../server/src/analysis/entities/lowerTails';
import { trimRun } from '../../server/src/analysis/entities/runEdges';
import { typeByShape } from '../../server/src/analysis/entities/shapeAndContext';
import { typeTitledName } from '../../server/src/analysis/entities/titledNames';
import { RunTypist, typeCandidates } from '../../server/src/analysis/entities/typing';
import type { Mode } from '../../server/src/analysis/entities/typingSteps';
import { drafted, stageInput, unitOf } from './ruleStages.helpers';

const PROSE = ' met there for talks about the harbour and the fishing fleet this week.';

/** A typist over `text` and the units from `first` to `last` (the `k`-th occurrences of the words). */
function over(text: string, first: string, last = first) {
  const { view, out } = stageInput(text);
  return { view, out, t: new RunTypist(view, out), a: unitOf(view, first), b: unitOf(view, last) };
}

test('run edges: leading non-names and a common sentence opener go, trailing connectors go', () => {
  const { view } = stageInput('They left. The Tarsk Valley of flooded. Flooded Tarsk Valley of stood.');
  const edges = (from: number, to: number): string | undefined => {
    const e = trimRun(view, from, to);
    return e && view.phrase(e[0], e[1]);
  };
  assert.equal(edges(unitOf(view, 'The'), unitOf(view, 'of')), 'Tarsk Valley');
  assert.equal(edges(unitOf(view, 'Flooded'), unitOf(view, 'of', 1)), 'Tarsk Valley');
  assert.equal(edges(unitOf(view, 'Tarsk'), unitOf(view, 'Tarsk')), 'Tarsk');
  assert.equal(edges(unitOf(view, 'The'), unitOf(view, 'The')), undefined, 'nothing left');
});

test('lower-case tails: a facility, an event of two words or more, a feature after a place', () => {
  const text =
    'In the end the Tarsk coal mine and the Velden Daiichi nuclear disaster and the Velden disaster and ' +
    'the Korean peninsula mattered.';
  const tail = (first: string, last: string, k = 0): string[] | undefined => {
    const { view, out } = stageInput(text);
    const typed = typeByLowerTail(view, out, unitOf(view, first, k), unitOf(view, last, k));
    assert.equal(typed, out.drafts.length > 0, 'a rule that types writes a draft');
    return typed ? drafted(view, out) : undefined;
  };
  assert.deepEqual(tail('Tarsk', 'Tarsk'), ['Tarsk coal mine/FAC']);
  assert.deepEqual(tail('Velden', 'Daiichi'), ['Velden Daiichi nuclear disaster/EVENT']);
  assert.equal(tail('Velden', 'Velden', 1), undefined, 'one word and "disaster" is no named event');
  assert.deepEqual(tail('Korean', 'Korean'), ['Korean peninsula/LOC']);
});

test('head words: organisations, operations, gulfs, teams, and two organisations joined by "and"', () => {
  const head = (text: string, first: string, last: string): string[] => {
    const { view, out, t, a, b } = over(text + PROSE, first, last);
    assert.equal(typeByHead(t, a, b), out.drafts.length > 0);
    return drafted(view, out);
  };
  assert.deepEqual(head('Later the Kestown Ministry of Trade and Industry', 'Kestown', 'Industry'), [
    'Kestown Ministry of Trade and Industry/ORG',
  ]);
  assert.deepEqual(head('Later the Operation Tidewater crews', 'Operation', 'Tidewater'), [
    'Operation Tidewater/EVENT',
  ]);
  assert.deepEqual(head('Later the Gulf of Tarsk crews', 'Gulf', 'Tarsk'), ['Gulf of Tarsk/LOC']);
  assert.deepEqual(head('Later fans of the San Diego Marlins', 'San', 'Marlins'), ['San Diego Marlins/ORG']);
  assert.deepEqual(head('Later shares of Tarvo Re Group Plc and Abahani Limited', 'Tarvo', 'Limited'), [
    'Tarvo Re Group Plc/ORG',
    'Abahani Limited/ORG',
  ]);
  assert.deepEqual(head('Later the Aro Brask crews', 'Aro', 'Brask'), [], 'no head word, no type');
});

test('titles: the name after the title is a person, the words before it are typed on their own', () => {
  const titled = (text: string, first: string, last: string): string[] => {
    const { view, out, t, a, b } = over(`In the end the visiting ${text}${PROSE}`, first, last);
    assert.ok(typeTitledName(t, a, b));
    return drafted(view, out);
  };
  assert.deepEqual(titled('Prime Minister Aro Brask of Norway', 'Prime', 'Norway'), [
    'Aro Brask/PERSON',
    'Norway/GPE',
  ]);
  assert.deepEqual(titled('Commissioner for Energy Lena von der Vell', 'Commissioner', 'Vell'), [
    'Lena von der Vell/PERSON',
  ]);
  assert.deepEqual(
    titled(
      'Japanese Foreign Minister Aro Brask and Norwegian Foreign Secretary Lena Vell',
      'Japanese',
      'Vell',
    ),
    ['Japanese/NORP', 'Aro Brask/PERSON', 'Norwegian/NORP', 'Lena Vell/PERSON'],
  );
  const none = over(`In the end the Aro Brask crews${PROSE}`, 'Aro', 'Brask');
  assert.ok(!typeTitledName(none.t, none.a, none.b), 'no title, nothing split');
});

test('gazetteer pieces: a known place splits a run; the rest is guessed only in full mode', () => {
  const pieces = (mode: Mode): string[] => {
    const { view, out, t, a, b } = over(`In the end Norway Aro Brask${PROSE}`, 'Norway', 'Brask');
    typePieces(t, a, b, mode);
    return drafted(view, out);
  };
  assert.deepEqual(pieces('full'), ['Norway/GPE', 'Aro Brask/PERSON?']);
  assert.deepEqual(pieces('noGuess'), ['Norway/GPE']);
  assert.deepEqual(pieces('heading'), ['Norway/GPE']);
});

test('shape and context: introducers, place prepositions, role nouns and speech verbs', () => {
  const shape = (text: string, first: string, last = first, mode: Mode = 'full') => {
    const { view, out, t, a, b } = over(text, first, last);
    typeByShape(t, a, b, mode);
    return { drafts: drafted(view, out), places: [...out.places] };
  };
  assert.deepEqual(shape('They said the firm Halvard would grow.', 'Halvard').drafts, ['Halvard/ORG?']);
  assert.deepEqual(shape('They saw flooding in Kestown on Monday.', 'Kestown'), {
    drafts: ['Kestown/GPE?'],
    places: [['Kestown', false]],
  });
  assert.deepEqual(shape('They met the spokesman Aro Brask today.', 'Aro', 'Brask').drafts, [
    'Aro Brask/PERSON',
  ]);
  assert.deepEqual(shape('They knew that Aro Brask said so.', 'Aro', 'Brask').drafts, ['Aro Brask/PERSON']);
  assert.deepEqual(shape('They knew that Lena Vell Tarrow left.', 'Lena', 'Tarrow').drafts, [
    'Lena Vell Tarrow/PERSON?',
  ]);
  assert.deepEqual(
    shape('Analysts said it would rain.', 'Analysts').drafts,
    [],
    'a plural noun opening a sentence',
  );
  assert.deepEqual(
    shape('They watched as Stock Market rose on the stock market.', 'Stock', 'Market').drafts,
    [],
    'words the article writes in lower case are common nouns',
  );
  assert.deepEqual(shape('They knew that Lena Vell Tarrow left.', 'Lena', 'Tarrow', 'heading').drafts, []);
});

test('capitals: acronyms in prose, a state code before a ZIP code, not a shouted heading', () => {
  const caps = (text: string, first: string, last = first): string[] => {
    const { view, out, t, a, b } = over(text, first, last);
    typeCapitals(t, a, b, 'full');
    return drafted(view, out);
  };
  assert.deepEqual(caps('Later the TPA said it would wait.', 'TPA'), ['TPA/ORG']);
  assert.deepEqual(caps('They wrote to Hampton, SC 29924 in May.', 'SC'), ['SC/GPE']);
  assert.deepEqual(
    caps('They read it.\nTPA SAYS NO\nThen they left.', 'TPA'),
    [],
    'capitals beside capitals',
  );
  assert.deepEqual(caps('They saw the EPA/SERGEY KOZLOV photo.', 'SERGEY', 'KOZLOV'), [
    'SERGEY KOZLOV/PERSON=Sergey Kozlov',
  ]);
  const long =
    'officials said the ABCDEFG rule held on all lines.\nthey said the ABCDEFG rule was fair in the end.';
  assert.deepEqual(caps(long, 'ABCDEFG'), ['ABCDEFG/ORG'], 'a long acronym seen twice in prose');
  assert.deepEqual(caps('officials said the ABCDEFG rule held on all lines.', 'ABCDEFG'), []);
});

test('line shapes: a line with no lower-case word is shouted; a word counted in prose lines only', () => {
  const { view } = stageInput('KESTOWN NEWS TODAY\nthe Tarsk board met and Tarsk agreed.\nTARSK TARSK');
  const lines = new LineShapes(view);
  assert.ok(lines.shouted(unitOf(view, 'NEWS')));
  assert.ok(lines.inProse('Tarsk', 2));
  assert.ok(!lines.inProse('Tarsk', 3), 'the shouted line does not count');
});

test('typing stage: candidates typed in order by the first rule that takes each', () => {
  const text =
    'In the end the Group of 20 and the visiting Prime Minister Aro Brask of Norway and the Tarsk coal mine' +
    PROSE;
  const { view, out } = stageInput(text);
  typeCandidates(view, out, findCandidateRuns(view, out.claimed));
  assert.deepEqual(drafted(view, out), [
    'Group of 20/ORG',
    'Aro Brask/PERSON',
    'Norway/GPE',
    'Tarsk coal mine/FAC',
  ]);
  assert.equal(out.claimed[unitOf(view, 'mine')], 1, 'the tail is claimed with its name');
});
