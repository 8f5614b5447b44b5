// The rule engine's shared view of an article, its writer of drafts, and the context stage on its own:
// datelines, credits and place shapes read before any run is typed (every name here is invented, except
// the places, which must be in the gazetteer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameByContext } from '../../server/src/analysis/entities/contextNames';
import { readByline, readParenCredits, readPhotoCredit } from '../../server/src/analysis/entities/credits';
import { readDateline } from '../../server/src/analysis/entities/datelines';
import { readPlaceShape } from '../../server/src/analysis/entities/placeShapes';
import { drafted, stageInput, unitOf } from './ruleStages.helpers';

test('article view: neighbours one plain space apart, speech context, particles and the last "and"', () => {
  const { view } = stageInput('Ode  Marrin of Tarsk said Lena von der Vell,\nand Aro Brask met.');
  const [ode, marrin, vell] = [unitOf(view, 'Ode'), unitOf(view, 'Marrin'), unitOf(view, 'Vell')];
  assert.ok(view.adjacent(view.u(ode), view.u(marrin)), 'two spaces still join a name');
  assert.ok(!view.adjacent(view.u(vell), view.u(unitOf(view, 'and'))), 'a comma and a line break do not');
  assert.ok(view.speechContext(view.u(unitOf(view, 'Tarsk')), view.u(unitOf(view, 'Tarsk'))), 'X said');
  assert.ok(view.speechContext(view.u(unitOf(view, 'Lena')), view.u(vell)), 'said X');
  assert.ok(view.isConnector(unitOf(view, 'of')) && !view.isParticle(unitOf(view, 'of')));
  assert.ok(view.isParticle(unitOf(view, 'von')));
  assert.ok(view.particleName(unitOf(view, 'Lena'), vell), 'Lena von der Vell');
  assert.ok(!view.particleName(ode, unitOf(view, 'Tarsk')), '"of" joins, it is no particle');
  assert.ok(view.lineStart(view.u(unitOf(view, 'and'))));
  assert.equal(view.lastAnd(0, view.units.length - 1), unitOf(view, 'and'));
  assert.equal(view.phrase(ode, marrin), 'Ode  Marrin');
  assert.equal(view.unitAt(view.u(marrin).tok), marrin);
  assert.ok(view.lowerWords.has('met') && view.capWords.has('Brask'));
});

test('draft writer: drafts claim their units; places, outlets and persons keep a known type', () => {
  const { view, out } = stageInput('Norway and Halvard Wire met AfriPost and Ode Marrin and Tarsk.');
  out.emitPlace(unitOf(view, 'Norway'), unitOf(view, 'Norway'), true);
  out.emitOutlet(unitOf(view, 'Halvard'), unitOf(view, 'Wire'));
  out.emitPerson(unitOf(view, 'AfriPost'), unitOf(view, 'AfriPost'), true);
  out.emitPerson(unitOf(view, 'Ode'), unitOf(view, 'Marrin'), false);
  out.emitPlace(unitOf(view, 'Tarsk'), unitOf(view, 'Tarsk'), false);
  assert.deepEqual(drafted(view, out), [
    'Norway/GPE',
    'Halvard Wire/ORG',
    'AfriPost/ORG',
    'Ode Marrin/PERSON?',
    'Tarsk/GPE?',
  ]);
  assert.deepEqual([...out.places], [['Tarsk', false]], 'only a place the gazetteer lacks is recorded');
  assert.equal(out.claimed[unitOf(view, 'Marrin')], 1);
  assert.equal(out.claimed[unitOf(view, 'met')], 0);
  assert.equal(out.capRun(unitOf(view, 'Ode'), 4), -1, 'a claimed unit starts no run');
  assert.equal(out.last()?.canonical, 'Tarsk');
});

test('dateline: the place, its region and the agency, only when prose follows the dash', () => {
  const text = 'KESTOWN, Norway (Harbor Wire) — The council met on Tuesday and agreed to close the port.';
  const { view, out } = stageInput(text);
  readDateline(view, out, 0);
  assert.deepEqual(drafted(view, out), ['KESTOWN/GPE=Kestown', 'Norway/GPE', 'Harbor Wire/ORG']);
  assert.deepEqual(
    [...out.places],
    [['Kestown', true]],
    'a dateline is certain: Kestown is a place anywhere',
  );
  const short = stageInput('KESTOWN — Short.');
  readDateline(short.view, short.out, 0);
  assert.deepEqual(drafted(short.view, short.out), [], 'a heading in capitals is no dateline');
});

test('bylines: one or two authors, in capitals, and the outlet after a comma', () => {
  const read = (text: string): string[] => {
    const { view, out } = stageInput(text);
    readByline(view, out, unitOf(view, 'By'));
    return drafted(view, out);
  };
  assert.deepEqual(read('By Nadia Petrov\nThe council met.'), ['Nadia Petrov/PERSON']);
  assert.deepEqual(read('By MIRELA COSTIN, Harbor Wire\nThe council met.'), [
    'MIRELA COSTIN/PERSON=Mirela Costin',
    'Harbor Wire/ORG',
  ]);
  assert.deepEqual(read('By Nafisa Tarrow and Rohan Velde\nThe council met.'), [
    'Nafisa Tarrow/PERSON',
    'Rohan Velde/PERSON',
  ]);
  assert.deepEqual(read('By Nadia Petrov the council was told.'), [], 'the name must end the credit');
  assert.deepEqual(read('Signed By Nadia Petrov\nThe council met.'), [], '"By" inside a line credits no one');
});

test('photo and agency credits: the outlet before the word, the photographer and agency after it', () => {
  const photo = (text: string): string[] => {
    const { view, out } = stageInput(text);
    readPhotoCredit(view, out, unitOf(view, 'Photo'));
    assert.equal(out.claimed[unitOf(view, 'Photo')], 1, 'the photo word itself is claimed');
    return drafted(view, out);
  };
  assert.deepEqual(photo('The harbour. (Tamsen Herald Photo/Hana Kurosaki)'), [
    'Tamsen Herald/ORG',
    'Hana Kurosaki/PERSON',
  ]);
  assert.deepEqual(photo('Photo: Mara Lund/Eastgate'), ['Mara Lund/PERSON', 'Eastgate/ORG']);
  const agency = (text: string): string[] => {
    const { view, out } = stageInput(text);
    readParenCredits(view, out);
    return drafted(view, out);
  };
  assert.deepEqual(agency('The port closed on Monday. (Eastgate)'), ['Eastgate/ORG']);
  assert.deepEqual(agency('The port closed on Monday (Eastgate) and more.'), [], 'only after a sentence end');
});

test('place shapes: a demonym beside its country, a place before a country, a state title', () => {
  const shape = (text: string, word: string) => {
    const { view, out } = stageInput(text);
    readPlaceShape(view, out, unitOf(view, word));
    return { drafts: drafted(view, out), places: [...out.places] };
  };
  assert.deepEqual(shape('Officials from Ostrevia met Ostrevian delegates.', 'Ostrevian'), {
    drafts: ['Ostrevian/NORP'],
    places: [['Ostrevia', true]],
  });
  assert.deepEqual(
    shape('Officials met Ostrevian delegates.', 'Ostrevian').drafts,
    [],
    'no country, no people',
  );
  assert.deepEqual(shape('Flooding hit Mongla, Bangladesh on Monday.', 'Mongla'), {
    drafts: ['Mongla/GPE'],
    places: [['Mongla', true]],
  });
  assert.deepEqual(
    shape("Flooding hit Mongla, Bangladesh's port.", 'Mongla').drafts,
    [],
    'a possessive country describes the word before it',
  );
  assert.deepEqual(shape("Officials said Tamsen's Premier would visit.", 'Tamsen'), {
    drafts: ['Tamsen/GPE?'],
    places: [['Tamsen', false]],
  });
});

test('context stage: each shape read once, in order, and claimed for the later stages', () => {
  const text =
    'KESTOWN, Norway (Harbor Wire) — The council met on Tuesday and agreed to close the port.\n' +
    'By Nadia Petrov\nOfficials from Ostrevia met Ostrevian delegates. (Eastgate)';
  const { view, out } = stageInput(text);
  nameByContext(view, out);
  assert.deepEqual(drafted(view, out), [
    'KESTOWN/GPE=Kestown',
    'Norway/GPE',
    'Harbor Wire/ORG',
    'Nadia Petrov/PERSON',
    'Ostrevian/NORP',
    'Eastgate/ORG',
  ]);
  assert.equal(out.claimed[unitOf(view, 'Petrov')], 1);
  assert.equal(out.claimed[unitOf(view, 'Ostrevia')], 0, 'the country itself is left to the typing stage');
});
