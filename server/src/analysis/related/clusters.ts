// Story clusters: connected components of the related-articles graph. An edge is a pair that either side
// lists as related (the ranking already applies the threshold), so a cluster does not depend on which
// article was asked first. A page of several stories (a digest of briefs) relates to each brief's event;
// it joins each of those clusters but does not merge them into one. Pure: the server supplies the edges.

export interface ClusterMember {
  uri: string;
  /** Neighbours inside the cluster. */
  links: number;
}

/** Union-find over URIs, with path compression so look-ups stay short on large corpora. */
class Components {
  private readonly parent = new Map<string, string>();

  find(u: string): string {
    let root = u;
    while ((this.parent.get(root) ?? root) !== root) root = this.parent.get(root) as string;
    for (let x = u; x !== root;) {
      const up = this.parent.get(x) as string;
      this.parent.set(x, root);
      x = up;
    }
    return root;
  }

  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/**
 * Clusters of two or more articles, best-connected member first (digests last), largest cluster first.
 * `isDigest` marks pages of several stories; a digest may be in several clusters.
 */
export function relatedClusters(
  uris: readonly string[],
  neighbours: (uri: string) => readonly string[],
  isDigest: (uri: string) => boolean = () => false,
): ClusterMember[][] {
  const known = new Set(uris);
  const links = new Map<string, Set<string>>(uris.map((u) => [u, new Set()]));
  for (const u of uris) {
    for (const v of neighbours(u)) {
      if (v === u || !known.has(v)) continue;
      links.get(u)?.add(v);
      links.get(v)?.add(u);
    }
  }
  const digest = new Set(uris.filter(isDigest));
  const components = new Components();
  for (const u of uris) {
    if (digest.has(u)) continue;
    for (const v of links.get(u) ?? []) if (!digest.has(v)) components.union(u, v);
  }
  const groups = new Map<string, string[]>();
  for (const u of uris) {
    if (digest.has(u)) continue;
    const root = components.find(u);
    const group = groups.get(root);
    if (group) group.push(u);
    else groups.set(root, [u]);
  }
  for (const d of digest) {
    const touched = new Set(
      [...(links.get(d) ?? [])].filter((v) => !digest.has(v)).map((v) => components.find(v)),
    );
    for (const root of touched) groups.get(root)?.push(d);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      const inside = new Set(g);
      const members = g.map((uri) => ({
        uri,
        links: [...(links.get(uri) ?? [])].filter((v) => inside.has(v)).length,
      }));
      const rank = (m: ClusterMember): number => (digest.has(m.uri) ? 1 : 0);
      return members.sort((a, b) => rank(a) - rank(b) || b.links - a.links || a.uri.localeCompare(b.uri));
    })
    .sort((a, b) => b.length - a.length || a[0].uri.localeCompare(b[0].uri));
}
