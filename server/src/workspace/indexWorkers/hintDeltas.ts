// Entity hints across threads: the main thread sends each worker what its hints gained since the last
// message (hint logs are only appended to, see EntityIndex), and the worker keeps a copy built the same way,
// so its alias tables are extended rather than rebuilt file after file.
import { KnownNames } from '../../analysis/entities/entityIndex';
import type { EntityHints, NamedEntityType } from '../../analysis/types';

/** Names to append to the worker's hints, or (`reset`) the whole of them. */
export interface HintDelta {
  reset: boolean;
  names: string[];
  types: NamedEntityType[];
}

/** The main thread's side for one worker: what that worker was last sent. */
export class HintSender {
  private log: object | undefined;
  private size = 0;

  /** What `hints` adds to what was sent; `undefined` when nothing. */
  delta(hints: EntityHints): HintDelta | undefined {
    const known = hints.known;
    if (!(known instanceof KnownNames)) {
      if (known === this.log) return undefined;
      this.log = known;
      return { reset: true, names: [...known.keys()], types: [...known.values()] };
    }
    const append = known.log === this.log && known.size >= this.size;
    if (append && known.size === this.size) return undefined;
    const from = append ? this.size : 0;
    this.log = known.log;
    this.size = known.size;
    return {
      reset: !append,
      names: known.log.names.slice(from, known.size),
      types: known.log.types.slice(from, known.size),
    };
  }
}

/** The worker's side: the hints as the deltas so far make them. */
export class HintMirror {
  private log = {
    names: [] as string[],
    types: [] as NamedEntityType[],
    position: new Map<string, number>(),
  };
  private current: EntityHints | undefined;

  apply(delta: HintDelta): void {
    if (delta.reset) this.log = { names: [], types: [], position: new Map() };
    const { names, types, position } = this.log;
    delta.names.forEach((name, i) => {
      position.set(name, names.length);
      names.push(name);
      types.push(delta.types[i] as NamedEntityType);
    });
    if (delta.reset || delta.names.length > 0) this.current = undefined;
  }

  hints(): EntityHints {
    this.current ??= { known: new KnownNames(this.log, this.log.names.length) };
    return this.current;
  }
}
