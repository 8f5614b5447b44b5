// One contributed, theme-able colour per entity type (package.json `contributes.colors`), used for the
// Entities view's icons; the README's legend and the hover's legend line name the same ids.
import * as vscode from 'vscode';
import { entityColor } from '../../../server/src/protocol';

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
  return entityColor(type).id;
}

/** The type's icon in its colour. */
export function entityIcon(type: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(ICONS[type] ?? 'symbol-number', new vscode.ThemeColor(entityColorId(type)));
}
