// An open article's corpus findings in team mode. The local index holds the open buffers and the files the
// database does not cover, not the corpus; before an open article's shared passages and related list are
// computed, the articles the database finds sharing its passage fingerprints or its entities are brought
// into the local index as guests (their text from disk, their analysis from the database, nothing
// analysed again). Guests are few and the least recently needed leave first.
import { finalLocal } from '../analysis/corpus/cachedAnalysis';
import type { ArticleIndex } from '../analysis/corpus/corpusIndex';
import { decodeEntry } from '../analysis/corpus/entryCodec';
import type { EntityMention } from '../analysis/types';
import type { CorpusQueries } from '../storage/postgres/corpusQueries';
import { isConnectionError, type TeamLink } from '../storage/postgres/teamConnection';
import type { Coverage } from './coverage';

export interface GuestHost {
  isOpen(uri: string): boolean;
  /** The text of a covered file on disk (the text its stored analysis was made on). */
  readText(uri: string): Promise<string | undefined>;
}

export interface GuestLimits {
  /** Articles sharing fingerprints taken, the most shared first. */
  sharing: number;
  /** Entities of the open article whose files are looked up, and files taken per entity. */
  entities: number;
  perEntity: number;
  /** Guests kept in the local index at most. */
  kept: number;
}

export const DEFAULT_GUEST_LIMITS: GuestLimits = { sharing: 200, entities: 40, perEntity: 20, kept: 2000 };

export class GuestArticles {
  /** Guest URIs, least recently needed first. */
  private readonly guests = new Set<string>();

  constructor(
    private readonly link: TeamLink,
    private readonly db: CorpusQueries,
    private readonly coverage: Coverage,
    private readonly index: ArticleIndex,
    private readonly host: GuestHost,
    private readonly limits: GuestLimits = DEFAULT_GUEST_LIMITS,
  ) {}

  has(uri: string): boolean {
    return this.guests.has(uri);
  }

  get size(): number {
    return this.guests.size;
  }

  /** Forgets guests the index no longer holds (the link went offline and the index was rebuilt). */
  reset(): void {
    this.guests.clear();
  }

  /**
   * Brings the open article's neighbours into the local index; returns the URIs added. A connection error
   * is the link's; the article's findings are then computed on what the index holds.
   */
  async admitFor(uri: string, text: string, entities: readonly EntityMention[]): Promise<string[]> {
    if (!this.link.isOnline) return [];
    try {
      return await this.admit(uri, text, entities);
    } catch (e) {
      if (!isConnectionError(e)) throw e;
      this.link.lost(e);
      return [];
    }
  }

  private async admit(uri: string, text: string, entities: readonly EntityMention[]): Promise<string[]> {
    const canonicals = [...new Set(entities.map((m) => m.canonical))].slice(0, this.limits.entities);
    const [sharing, mentioning] = await Promise.all([
      this.db.articlesSharingText(text),
      this.db.filesMentioningAny(canonicals, this.limits.perEntity),
    ]);
    const wanted = new Set<string>();
    for (const p of [...sharing.slice(0, this.limits.sharing).map((s) => s.path), ...mentioning]) {
      const other = this.coverage.uriOf(p);
      if (other === undefined || other === uri || this.host.isOpen(other)) continue;
      wanted.add(other);
    }
    const fresh: string[] = [];
    for (const other of wanted) {
      // Most recently needed last; a guest the index dropped meanwhile (closed, changed) comes in again.
      const wasGuest = this.guests.delete(other);
      if (!this.index.get(other)) fresh.push(other);
      else if (wasGuest) this.guests.add(other);
    }
    const digests = new Map<string, string>();
    for (const other of fresh) {
      const d = this.coverage.digestOf(other);
      if (d !== undefined) digests.set(other, d);
    }
    const entries = await this.db.storedEntries([...new Set(digests.values())]);
    const added: string[] = [];
    for (const other of fresh) {
      const entry = decodeEntry(entries.get(digests.get(other) ?? ''));
      const otherText = entry && (await this.host.readText(other));
      // The index may have taken the file meanwhile (opened, or changed on disk).
      if (!entry || otherText === undefined || this.index.get(other) || this.host.isOpen(other)) continue;
      this.index.update({ uri: other, version: -1, text: otherText }, finalLocal(entry));
      this.guests.add(other);
      added.push(other);
    }
    if (added.length > 0) this.index.indexed();
    this.evict(wanted);
    return added;
  }

  /** The least recently needed guests leave the index beyond the limit (never one needed just now). */
  private evict(keep: ReadonlySet<string>): void {
    for (const g of this.guests) {
      if (this.guests.size <= this.limits.kept) return;
      if (keep.has(g)) continue;
      this.guests.delete(g);
      if (!this.host.isOpen(g)) this.index.remove(g);
    }
  }
}
