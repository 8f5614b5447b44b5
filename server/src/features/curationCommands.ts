// ServerCommands.correct: a completed correction draft becomes a correction (id, author, time, the
// article's path in its folder) and a WorkspaceEdit of the folder's sidecar, sent to the client to apply.
import { randomUUID } from 'node:crypto';
import type { ApplyWorkspaceEditResult, WorkspaceEdit } from 'vscode-languageserver';
import { toCorrection } from '../analysis/curation/sidecar';
import type { Correction } from '../analysis/curation/types';
import type { CorrectionDraft, CorrectionEditResult } from '../protocol';
import { normalizeUri } from '../util/uri';
import { authorFor } from '../workspace/author';
import type { CurationStore, Sidecar } from '../workspace/curationStore';
import type { FeatureContext } from './context';
import { titleOf } from './context';

export type CorrectResult = CorrectionEditResult;
type ApplyEdit = (edit: WorkspaceEdit) => Promise<ApplyWorkspaceEditResult>;

/** The correction a draft describes, or why it is not one. */
export function draftToCorrection(
  ctx: FeatureContext,
  store: CurationStore,
  draft: CorrectionDraft,
  now: Date,
): { correction: Correction; sidecarUri: string } | string {
  const uri = normalizeUri(draft.uri);
  const sidecar = store.sidecarOf(uri);
  const place = store.place(uri);
  if (!sidecar || !place) return `${draft.uri} is not inside a workspace folder, so it has no sidecar`;
  const other = draft.other !== undefined ? store.place(normalizeUri(draft.other))?.file : undefined;
  if (draft.other !== undefined && other === undefined)
    return `${draft.other} is not in the same workspace folder`;
  // "Not related" is about whole articles: its anchor is the headline, for people reading the sidecar.
  const title = titleOf(ctx.textOf(uri), place.file);
  const anchor = draft.anchor ?? { text: title, before: '', after: '', offset: 0 };
  const settings = ctx.settingsOf(uri);
  const raw = {
    ...draft,
    id: randomUUID().slice(0, 8),
    file: place.file,
    anchor,
    ...(other !== undefined ? { other } : {}),
    author: authorFor(sidecar.folder, settings.curation.author),
    time: now.toISOString(),
  };
  const correction = toCorrection(raw);
  if (typeof correction === 'string') return `not a correction: ${correction}`;
  return { correction, sidecarUri: sidecar.uri };
}

export async function executeCorrect(
  ctx: FeatureContext,
  store: CurationStore,
  args: readonly unknown[],
  applyEdit: ApplyEdit,
): Promise<CorrectResult> {
  const draft = args[0] as CorrectionDraft | undefined;
  if (!draft || typeof draft !== 'object' || typeof draft.uri !== 'string')
    return { applied: false, message: 'no correction given' };
  const made = draftToCorrection(ctx, store, draft, new Date());
  if (typeof made === 'string') return { applied: false, message: made };
  const sidecar = store.sidecarOf(normalizeUri(draft.uri));
  if (!sidecar) return { applied: false, message: 'no sidecar' };
  const result = await applyEdit(store.addEdit(sidecar, made.correction));
  return answer(result, made.sidecarUri, made.correction.id);
}

function answer(result: ApplyWorkspaceEditResult, sidecarUri: string, id: string): CorrectResult {
  return {
    applied: result.applied,
    sidecarUri,
    id,
    ...(result.failureReason ? { message: result.failureReason } : {}),
  };
}

/** The sidecar an argument `{ sidecarUri }` names, or why there is none. */
function sidecarArg(store: CurationStore, arg: unknown): Sidecar | string {
  const uri = (arg as { sidecarUri?: unknown } | undefined)?.sidecarUri;
  if (typeof uri !== 'string') return 'no sidecar given';
  return store.byUri(normalizeUri(uri)) ?? `${uri} is not a sidecar of this workspace`;
}

/** ServerCommands.removeCorrection: `{ sidecarUri, id }` → the edit removing it, applied by the client. */
export async function executeRemove(
  store: CurationStore,
  args: readonly unknown[],
  applyEdit: ApplyEdit,
): Promise<CorrectResult> {
  const sidecar = sidecarArg(store, args[0]);
  const id = (args[0] as { id?: unknown } | undefined)?.id;
  if (typeof sidecar === 'string') return { applied: false, message: sidecar };
  if (typeof id !== 'string') return { applied: false, message: 'no correction id given' };
  const removal = store.removeEdit(sidecar, id);
  if (typeof removal === 'string') return { applied: false, message: removal };
  return { ...answer(await applyEdit(removal.edit), sidecar.uri, id), correction: removal.correction };
}

/** ServerCommands.restoreCorrection: `{ sidecarUri, correction }` → the edit adding it back. */
export async function executeRestore(
  store: CurationStore,
  args: readonly unknown[],
  applyEdit: ApplyEdit,
): Promise<CorrectResult> {
  const sidecar = sidecarArg(store, args[0]);
  if (typeof sidecar === 'string') return { applied: false, message: sidecar };
  const correction = toCorrection((args[0] as { correction?: unknown }).correction);
  if (typeof correction === 'string') return { applied: false, message: `not a correction: ${correction}` };
  if (sidecar.corrections.some((c) => c.id === correction.id))
    return { applied: false, message: `the sidecar holds correction ${correction.id} already` };
  return answer(await applyEdit(store.addEdit(sidecar, correction)), sidecar.uri, correction.id);
}
