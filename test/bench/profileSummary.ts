// Summaries of the server's CPU profiles and heap snapshots taken by `npm run bench -- --cpu-prof DIR` or
// `--heap-snapshot DIR` (kept outside the repository):
//
//   node --import tsx test/bench/profileSummary.ts cpu FILE.cpuprofile [--window DIR/edit-window.json] [--top N]
//       top self-time functions (within the edit loop's window when given), mapped through the server
//       bundle's source map to server/src files and lines
//   node --import tsx test/bench/profileSummary.ts heap FILE.heapsnapshot [--top N]
//       self and retained size by constructor (retained as the heap profiler counts it: an instance inside
//       another of its class is not counted twice), the largest single retainers, and where string bytes go
//
// Heap snapshots are read as a stream (they are larger than a JS string can be) into typed arrays; the
// dominator tree is computed with the iterative algorithm of Cooper, Harvey and Kennedy.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

// ---------------------------------------------------------------------------------------------------
// Source maps (enough of them: VLQ mappings, generated line/column → source:line)

interface SourceMap {
  /** Sources as paths relative to the repository (or node_modules/…). */
  sources: string[];
  /** Per generated line: [generatedColumn, sourceIndex, sourceLine] triples, by column. */
  lines: Int32Array[];
}

const B64 = new Map(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]),
);

function loadSourceMap(file: string): SourceMap | undefined {
  if (!existsSync(file)) return undefined;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[]; mappings: string };
  const lines: Int32Array[] = [];
  let src = 0;
  let srcLine = 0;
  for (const lineText of raw.mappings.split(';')) {
    const triples: number[] = [];
    let col = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const values: number[] = [];
      let shift = 0;
      let value = 0;
      for (const ch of seg) {
        const digit = B64.get(ch) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0] ?? 0;
      if (values.length >= 4) {
        src += values[1];
        srcLine += values[2];
        triples.push(col, src, srcLine);
      }
    }
    lines.push(Int32Array.from(triples));
  }
  const repoRoot = path.resolve(__dirname, '../..');
  const sources = raw.sources.map((src) => {
    const rel = path.relative(repoRoot, path.resolve(path.dirname(file), src));
    return rel.replace(/^.*node_modules\//, 'node_modules/');
  });
  return { sources, lines };
}

function originalLocation(map: SourceMap | undefined, line: number, column: number): string | undefined {
  const segs = map?.lines[line];
  if (!map || !segs || segs.length === 0) return undefined;
  let best = -1;
  for (let i = 0; i < segs.length; i += 3) if (segs[i] <= column) best = i;
  if (best < 0) best = 0;
  return `${map.sources[segs[best + 1]] ?? '?'}:${segs[best + 2] + 1}`;
}

// ---------------------------------------------------------------------------------------------------
// CPU profiles

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function summariseCpu(file: string, windowFile: string | undefined, top: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const window = windowFile
    ? (JSON.parse(readFileSync(windowFile, 'utf8')) as { startUs: number; endUs: number })
    : { startUs: profile.startTime, endUs: profile.endTime };
  const maps = new Map<string, SourceMap | undefined>();
  const mapFor = (url: string): SourceMap | undefined => {
    if (!url.startsWith('file://')) return undefined;
    const js = new URL(url).pathname;
    if (!maps.has(js)) maps.set(js, loadSourceMap(`${js}.map`));
    return maps.get(js);
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map<number, string>();
  const key = (id: number): string => {
    let k = keyOf.get(id);
    if (k !== undefined) return k;
    const f = byId.get(id)?.callFrame;
    if (!f) k = '?';
    else {
      const where = originalLocation(mapFor(f.url), f.lineNumber, f.columnNumber);
      const plain = f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : '';
      k = `${f.functionName || '(anonymous)'}  ${where ?? plain}`.trim();
    }
    keyOf.set(id, k);
    return k;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let t = profile.startTime;
  let windowUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (t < window.startUs || t > window.endUs) continue;
    windowUs += dt;
    const id = profile.samples[i];
    const k = key(id);
    self.set(k, (self.get(k) ?? 0) + dt);
    // Inclusive time: once per function on the stack.
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const pk = key(p);
      if (seen.has(pk)) continue;
      seen.add(pk);
      total.set(pk, (total.get(pk) ?? 0) + dt);
    }
  }
  const ms = (us: number): string => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  const pct = (us: number): string => `${((100 * us) / Math.max(1, windowUs)).toFixed(1).padStart(5)}%`;
  console.log(
    `CPU profile ${path.basename(file)}: window ${(windowUs / 1e6).toFixed(1)} s of samples` +
      (windowFile ? ' (edit loop)' : ' (whole run)'),
  );
  console.log('\nTop self time:');
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${ms(us)} ${pct(us)}  ${k}`);
  console.log('\nTop inclusive time (functions of the server and its libraries):');
  for (const [k, us] of [...total]
    .filter(([k]) => !k.startsWith('(root)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    console.log(`${ms(us)} ${pct(us)}  ${k}`);
}

// ---------------------------------------------------------------------------------------------------
// Heap snapshots

/** A growable Uint32Array. */
class U32 {
  data = new Uint32Array(1 << 20);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

interface Snapshot {
  nodeFields: string[];
  nodeTypes: string[];
  edgeFields: string[];
  edgeTypes: string[];
  nodes: Uint32Array;
  edges: Uint32Array;
  strings: string[];
}

/** Streams a .heapsnapshot: the meta header as JSON, nodes and edges as numbers, strings one by one. */
function readSnapshot(file: string): Snapshot {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 24);
  let buf = '';
  let pos = 0;
  let eof = false;
  const more = (): boolean => {
    if (eof) return false;
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) {
      eof = true;
      return false;
    }
    buf = buf.slice(pos) + chunk.toString('utf8', 0, n);
    pos = 0;
    return true;
  };
  // A multi-byte character cut at a chunk end would be mangled by toString; the snapshot is ASCII outside
  // the strings section, and strings are re-read below with a decoder that keeps partial characters.
  const seek = (marker: string): void => {
    for (;;) {
      const i = buf.indexOf(marker, pos);
      if (i >= 0) {
        pos = i + marker.length;
        return;
      }
      pos = Math.max(pos, buf.length - marker.length);
      if (!more()) throw new Error(`${marker} not found in ${file}`);
    }
  };
  seek('"snapshot":');
  const headerStart = pos;
  seek('"nodes":');
  const header = JSON.parse(buf.slice(headerStart, buf.lastIndexOf(',', pos)).trim()) as {
    meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] };
  };
  const numbers = (): Uint32Array => {
    seek('[');
    const out = new U32();
    let value = 0;
    let inNumber = false;
    for (;;) {
      for (; pos < buf.length; pos++) {
        const c = buf.charCodeAt(pos);
        if (c >= 48 && c <= 57) {
          value = value * 10 + (c - 48);
          inNumber = true;
        } else {
          if (inNumber) out.push(value);
          value = 0;
          inNumber = false;
          if (c === 93) {
            pos++;
            return out.done();
          }
        }
      }
      if (!more()) throw new Error('snapshot ends inside a number array');
    }
  };
  const nodes = numbers();
  seek('"edges":');
  const edges = numbers();
  closeSync(fd);

  // Strings: a second pass over the file from the "strings" key, decoding UTF-8 safely.
  const strings = readStrings(file);
  return {
    nodeFields: header.meta.node_fields,
    nodeTypes: header.meta.node_types[0],
    edgeFields: header.meta.edge_fields,
    edgeTypes: header.meta.edge_types[0],
    nodes,
    edges,
    strings,
  };
}

function readStrings(file: string): string[] {
  const fd = openSync(file, 'r');
  const decoder = new StringDecoder('utf8');
  const chunk = Buffer.alloc(1 << 24);
  // The strings come last: find their key scanning back from the end (a quote inside a value is escaped).
  const stat = fstatSync(fd);
  let start = -1;
  for (let end = stat.size; end > 0 && start < 0;) {
    const from = Math.max(0, end - chunk.length);
    const n = readSync(fd, chunk, 0, end - from, from);
    const i = chunk.subarray(0, n).lastIndexOf('"strings":');
    if (i >= 0) start = from + i + '"strings":'.length;
    else end = from + 16; // overlap so a marker across chunks is found
    if (from === 0) break;
  }
  if (start < 0) throw new Error('no strings in snapshot');
  const out: string[] = [];
  let buf = '';
  let offset = start;
  let inside = false;
  let current = '';
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, offset);
    if (n === 0) break;
    offset += n;
    buf += decoder.write(chunk.subarray(0, n));
    let i = 0;
    while (i < buf.length) {
      if (!inside) {
        const q = buf.indexOf('"', i);
        if (q < 0) {
          i = buf.length;
          break;
        }
        inside = true;
        current = '';
        i = q + 1;
      }
      // Find the closing quote, skipping escapes.
      let j = i;
      let escaped = false;
      for (; j < buf.length; j++) {
        const c = buf.charCodeAt(j);
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) break;
      }
      if (j >= buf.length || escaped) {
        // Keep an unfinished escape together with what follows.
        const keep = escaped ? j - 1 : j;
        current += buf.slice(i, keep);
        buf = buf.slice(keep);
        i = 0;
        break;
      }
      current += buf.slice(i, j);
      out.push(current.includes('\\') ? (JSON.parse(`"${current}"`) as string) : current);
      inside = false;
      i = j + 1;
    }
    if (!inside) buf = buf.slice(i);
    else if (i > 0) buf = buf.slice(i);
  }
  closeSync(fd);
  return out;
}

function summariseHeap(file: string, top: number): void {
  const s = readSnapshot(file);
  const NF = s.nodeFields.length;
  const EF = s.edgeFields.length;
  const fType = s.nodeFields.indexOf('type');
  const fName = s.nodeFields.indexOf('name');
  const fSelf = s.nodeFields.indexOf('self_size');
  const fEdges = s.nodeFields.indexOf('edge_count');
  const eType = s.edgeFields.indexOf('type');
  const eName = s.edgeFields.indexOf('name_or_index');
  const eTo = s.edgeFields.indexOf('to_node');
  const N = s.nodes.length / NF;
  const E = s.edges.length / EF;
  const weak = s.edgeTypes.indexOf('weak');
  const shortcut = s.edgeTypes.indexOf('shortcut');
  const typeName = (n: number): string => s.nodeTypes[s.nodes[n * NF + fType]] ?? '?';
  const selfOf = (n: number): number => s.nodes[n * NF + fSelf];
  const classOf = (n: number): string => {
    const t = typeName(n);
    if (t === 'object' || t === 'native') return s.strings[s.nodes[n * NF + fName]] ?? '?';
    if (t === 'closure') return '(closure)';
    if (t === 'array') return `(array ${s.strings[s.nodes[n * NF + fName]] ?? ''})`.replace(' )', ')');
    return `(${t})`;
  };
  // First edge of each node.
  const firstEdge = new Uint32Array(N + 1);
  for (let n = 0, e = 0; n < N; n++) {
    firstEdge[n] = e;
    e += s.nodes[n * NF + fEdges];
    if (n === N - 1) firstEdge[N] = e;
  }
  const edgeUsable = (e: number): boolean => {
    const t = s.edges[e * EF + eType];
    return t !== weak && t !== shortcut;
  };
  console.log(
    `Heap snapshot ${path.basename(file)}: ${N.toLocaleString('en-US')} nodes, ${E.toLocaleString('en-US')} edges`,
  );

  // Post-order DFS from the root (node 0).
  const post = new Int32Array(N).fill(-1); // node → post-order index
  const order = new Uint32Array(N); // post-order index → node
  const stackNode = new Uint32Array(N);
  const stackEdge = new Uint32Array(N);
  const visited = new Uint8Array(N);
  let count = 0;
  let sp = 0;
  stackNode[0] = 0;
  stackEdge[0] = firstEdge[0];
  visited[0] = 1;
  sp = 1;
  while (sp > 0) {
    const n = stackNode[sp - 1];
    const e = stackEdge[sp - 1];
    if (e < firstEdge[n + 1]) {
      stackEdge[sp - 1] = e + 1;
      if (!edgeUsable(e)) continue;
      const to = s.edges[e * EF + eTo] / NF;
      if (visited[to]) continue;
      visited[to] = 1;
      stackNode[sp] = to;
      stackEdge[sp] = firstEdge[to];
      sp++;
    } else {
      post[n] = count;
      order[count++] = n;
      sp--;
    }
  }
  // Retainers (reverse edges) of reachable nodes, in CSR.
  const retainerCount = new Uint32Array(N + 1);
  for (let n = 0; n < N; n++) {
    if (post[n] < 0) continue;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e++) {
      if (!edgeUsable(e)) continue;
      const to = s.edges[e * EF + eTo] / NF;
      if (post[to] >= 0) retainerCount[to + 1]++;
    }
  }
  for (let n = 0; n < N; n++) retainerCount[n + 1] += retainerCount[n];
  const retainers = new Uint32Array(retainerCount[N]);
  const fill = retainerCount.slice(0, N);
  for (let n = 0; n < N; n++) {
    if (post[n] < 0) continue;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e++) {
      if (!edgeUsable(e)) continue;
      const to = s.edges[e * EF + eTo] / NF;
      if (post[to] >= 0) retainers[fill[to]++] = n;
    }
  }
  // Dominators by post-order index (Cooper, Harvey, Kennedy).
  const root = post[0];
  const idom = new Int32Array(count).fill(-1);
  idom[root] = root;
  for (let changed = true; changed;) {
    changed = false;
    for (let i = count - 1; i >= 0; i--) {
      if (i === root) continue;
      const n = order[i];
      let nd = -1;
      for (let r = retainerCount[n]; r < retainerCount[n + 1]; r++) {
        const p = post[retainers[r]];
        if (idom[p] < 0) continue;
        if (nd < 0) nd = p;
        else {
          let a = p;
          let b = nd;
          while (a !== b) {
            while (a < b) a = idom[a];
            while (b < a) b = idom[b];
          }
          nd = a;
        }
      }
      if (nd >= 0 && idom[i] !== nd) {
        idom[i] = nd;
        changed = true;
      }
    }
  }
  // Retained sizes: children before parents in post-order.
  const retained = new Float64Array(count);
  for (let i = 0; i < count; i++) retained[i] += selfOf(order[i]);
  for (let i = 0; i < count; i++) if (i !== root && idom[i] >= 0) retained[idom[i]] += retained[i];
  const totalBytes = retained[root];

  // By class: self over all nodes; retained over the top-most instances of each class on the dominator tree.
  const classIds = new Map<string, number>();
  const classNames: string[] = [];
  const nodeClass = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const c = classOf(order[i]);
    let id = classIds.get(c);
    if (id === undefined) {
      id = classNames.length;
      classIds.set(c, id);
      classNames.push(c);
    }
    nodeClass[i] = id;
  }
  const C = classNames.length;
  const classSelf = new Float64Array(C);
  const classCount = new Float64Array(C);
  const classRetained = new Float64Array(C);
  for (let i = 0; i < count; i++) {
    classSelf[nodeClass[i]] += selfOf(order[i]);
    classCount[nodeClass[i]]++;
  }
  // Dominator-tree children in CSR, then a DFS keeping how many ancestors of each class are open.
  const childStart = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) if (i !== root && idom[i] >= 0) childStart[idom[i] + 1]++;
  for (let i = 0; i < count; i++) childStart[i + 1] += childStart[i];
  const children = new Uint32Array(childStart[count]);
  const cfill = childStart.slice(0, count);
  for (let i = 0; i < count; i++) if (i !== root && idom[i] >= 0) children[cfill[idom[i]]++] = i;
  const open = new Uint32Array(C);
  const dfsNode = new Uint32Array(count);
  const dfsNext = new Uint32Array(count);
  let dsp = 0;
  dfsNode[0] = root;
  dfsNext[0] = childStart[root];
  dsp = 1;
  open[nodeClass[root]]++;
  while (dsp > 0) {
    const i = dfsNode[dsp - 1];
    const next = dfsNext[dsp - 1];
    if (next < childStart[i + 1]) {
      dfsNext[dsp - 1] = next + 1;
      const c = children[next];
      if (open[nodeClass[c]] === 0) classRetained[nodeClass[c]] += retained[c];
      open[nodeClass[c]]++;
      dfsNode[dsp] = c;
      dfsNext[dsp] = childStart[c];
      dsp++;
    } else {
      open[nodeClass[i]]--;
      dsp--;
    }
  }

  const mb = (b: number): string => `${(b / 1048576).toFixed(1).padStart(8)} MB`;
  const pct = (b: number): string => `${((100 * b) / totalBytes).toFixed(1).padStart(5)}%`;
  console.log(`reachable: ${count.toLocaleString('en-US')} nodes, ${mb(totalBytes).trim()}`);
  console.log('\nBy constructor, retained (top-most instances) / self / count:');
  const ids = [...Array(C).keys()];
  for (const c of ids
    .filter((c) => !classNames[c].startsWith('(GC roots') && c !== nodeClass[root])
    .sort((a, b) => classRetained[b] - classRetained[a])
    .slice(0, top))
    console.log(
      `${mb(classRetained[c])} ${pct(classRetained[c])}  self ${mb(classSelf[c]).trim().padStart(9)}  ` +
        `${classCount[c].toLocaleString('en-US').padStart(11)}  ${classNames[c]}`,
    );
  console.log('\nBy constructor, self size:');
  for (const c of ids.sort((a, b) => classSelf[b] - classSelf[a]).slice(0, top))
    console.log(
      `${mb(classSelf[c])} ${pct(classSelf[c])}  ${classCount[c].toLocaleString('en-US').padStart(11)}  ${classNames[c]}`,
    );

  // Largest single retainers, with the first retainer's class and edge name.
  const heldBy = (i: number): string => {
    const n = order[i];
    for (let r = retainerCount[n]; r < retainerCount[n + 1]; r++) {
      const from = retainers[r];
      for (let e = firstEdge[from]; e < firstEdge[from + 1]; e++) {
        if (s.edges[e * EF + eTo] / NF !== n) continue;
        const t = s.edgeTypes[s.edges[e * EF + eType]];
        const name = s.edges[e * EF + eName];
        const edge = t === 'element' || t === 'hidden' ? `[${name}]` : `.${s.strings[name] ?? name}`;
        return `${classOf(from)}${edge}`;
      }
    }
    return '?';
  };
  console.log('\nLargest retainers (retained, class, held by retainer.edge):');
  const candidates: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i === root) continue;
    const t = typeName(order[i]);
    if (t === 'synthetic' || t === 'hidden') continue;
    candidates.push(i);
  }
  candidates.sort((a, b) => retained[b] - retained[a]);
  const shown = new Set<number>();
  for (const i of candidates) {
    if (shown.size >= top) break;
    // Skip a node whose dominator is already listed and retains nearly the same.
    const d = idom[i];
    if (shown.has(d) && retained[i] > 0.9 * retained[d]) continue;
    shown.add(i);
    console.log(`${mb(retained[i])} ${pct(retained[i])}  ${classOf(order[i])}  ← ${heldBy(i)}`);
  }

  // Strings: bytes by kind, and the values that take most bytes in total (duplicates) or are largest.
  const stringTypes = new Set(['string', 'concatenated string', 'sliced string']);
  const byKind = new Map<string, number>();
  const byValue = new Map<string, { bytes: number; count: number }>();
  const buckets = [
    { label: 'under 64 bytes', max: 64, bytes: 0, count: 0 },
    { label: '64 B – 1 KB', max: 1024, bytes: 0, count: 0 },
    { label: '1 – 16 KB (article-sized)', max: 16_384, bytes: 0, count: 0 },
    { label: '16 KB and more', max: Infinity, bytes: 0, count: 0 },
  ];
  for (let i = 0; i < count; i++) {
    const n = order[i];
    const t = typeName(n);
    if (!stringTypes.has(t)) continue;
    byKind.set(t, (byKind.get(t) ?? 0) + selfOf(n));
    if (t !== 'string') continue;
    const bucket = buckets.find((x) => selfOf(n) < x.max) ?? buckets[buckets.length - 1];
    bucket.bytes += selfOf(n);
    bucket.count++;
    const full = s.strings[s.nodes[n * NF + fName]] ?? '';
    if (full.length > 200) continue; // texts are counted by size above; values below are the short ones
    const v = full.slice(0, 60);
    const entry = byValue.get(v) ?? { bytes: 0, count: 0 };
    entry.bytes += selfOf(n);
    entry.count++;
    byValue.set(v, entry);
  }
  console.log('\nStrings by kind (self):');
  for (const [k, b] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`${mb(b)} ${pct(b)}  ${k}`);
  console.log('\nFlat strings by size:');
  for (const x of buckets)
    console.log(
      `${mb(x.bytes)} ${pct(x.bytes)}  ${x.count.toLocaleString('en-US').padStart(11)}  ${x.label}`,
    );
  console.log('\nLargest strings (self, held by retainer.edge, first 40 characters):');
  const largest: number[] = [];
  for (let i = 0; i < count; i++)
    if (typeName(order[i]) === 'string' && selfOf(order[i]) >= 16_384) largest.push(i);
  for (const i of largest.sort((a, b) => selfOf(order[b]) - selfOf(order[a])).slice(0, Math.min(top, 12)))
    console.log(
      `${mb(selfOf(order[i]))}  ← ${heldBy(i)}  ${JSON.stringify((s.strings[s.nodes[order[i] * NF + fName]] ?? '').slice(0, 40))}`,
    );
  console.log('\nShort strings (200 characters at most) by total bytes (first 60 characters; count):');
  for (const [v, e] of [...byValue].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top))
    console.log(`${mb(e.bytes)} ${String(e.count).padStart(9)}×  ${JSON.stringify(v)}`);
}

// ---------------------------------------------------------------------------------------------------

const [kind, file, ...rest] = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const top = Number(option('--top') ?? 25);
if (kind === 'cpu' && file) summariseCpu(file, option('--window'), top);
else if (kind === 'heap' && file) summariseHeap(file, top);
else {
  console.error('usage: profileSummary.ts cpu FILE.cpuprofile [--window edit-window.json] [--top N]');
  console.error('       profileSummary.ts heap FILE.heapsnapshot [--top N]');
  process.exit(2);
}
