// One contributed, theme-able colour per entity type (package.json `contributes.colors`), used for the
// Entities view's icons; the README's legend lists the same ids.
import * as vscode from 'vscode';

const COLOR_IDS: Record<string, string> = {
  PERSON: 'articleLens.entity.person',
  ORG: 'articleLens.entity.organization',
  GPE: 'articleLens.entity.place',
  LOC: 'articleLens.entity.location',
  NORP: 'articleLens.entity.group',
  FAC: 'articleLens.entity.facility',
  EVENT: 'articleLens.entity.event',
};
const VALUE_COLOR = 'articleLens.entity.value';

const ICONS: Record<string, string> = {
  PERSON: 'person',
  ORG: 'organization',
  GPE: 'globe',
  LOC: 'location',
  NORP: 'account',
  FAC: 'home',
  EVENT: 'calendar',
};

export function entityColorId(type: string): string {
  return COLOR_IDS[type] ?? VALUE_COLOR;
}

/** The type's icon in its colour. */
export function entityIcon(type: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(ICONS[type] ?? 'symbol-number', new vscode.ThemeColor(entityColorId(type)));
}
