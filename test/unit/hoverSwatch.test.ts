// The colour legend of the entity hover: the server's legend line names the type's colour and theme colour
// id, the client puts a swatch of the theme's value in front of it, and the ids are the contributed ones,
// listed in the README's legend.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  colourValue,
  withSwatch,
  type ColorContribution,
  type SwatchContext,
} from '../../client/src/hoverSwatch';
import { colourLine } from '../../server/src/features/hover';
import { typeLabel } from '../../server/src/features/entityTypeLabels';
import { ENTITY_COLORS, VALUE_COLOR } from '../../server/src/protocol';
import { repoRoot } from '../support/built';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { colors: ColorContribution[] };
};
const contributions = manifest.contributes.colors;
const context = (over: Partial<SwatchContext> = {}): SwatchContext => ({
  kind: 'dark',
  themeName: 'Default Dark Modern',
  customizations: {},
  contributions,
  ...over,
});

describe('hover colour legend', () => {
  it('the README legend spells out every type the hover names', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const [type, { id }] of Object.entries(ENTITY_COLORS)) {
      assert.ok(
        contributions.some((c) => c.id === id),
        `${id} is contributed`,
      );
      assert.ok(readme.includes(typeLabel(type)), `${typeLabel(type)} in the README`);
    }
    assert.ok(contributions.some((c) => c.id === VALUE_COLOR.id));
  });

  it('the legend line names the colour and its id; the client adds the theme’s swatch in front', () => {
    const line = colourLine('GPE');
    assert.equal(line, 'Colour: yellow · `articleLens.entity.place`');
    const hover = `**Place (GPE)** · Lisbon\n\n${line}\n\nAliases seen: Lisbon`;
    assert.equal(
      withSwatch(hover, context()),
      `**Place (GPE)** · Lisbon\n\n<span style="color:#DCDCAA;">■■■</span> ${line}\n\nAliases seen: Lisbon`,
    );
    assert.match(withSwatch(hover, context({ kind: 'light' })) ?? '', /color:#795E26;/);
    assert.equal(colourLine('MONEY'), 'Colour: green · `articleLens.entity.value`');
    assert.equal(withSwatch('**Quote** · Clara Voss', context()), undefined, 'no legend, no change');
  });

  it('the user’s colour customisations win: for the active theme first, then for every theme', () => {
    const id = 'articleLens.entity.person';
    const customizations = { [id]: '#112233', '[Solarized Light]': { [id]: '#445566' } };
    assert.equal(colourValue(id, context({ customizations })), '#112233');
    assert.equal(colourValue(id, context({ customizations, themeName: 'Solarized Light' })), '#445566');
    // A value the hover could not show (not a hex colour) gives no swatch rather than a wrong one.
    assert.equal(colourValue(id, context({ customizations: { [id]: 'red' } })), undefined);
    assert.equal(colourValue('articleLens.entity.unknown', context()), undefined);
  });
});
