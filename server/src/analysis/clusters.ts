// Story clusters: connected components of the related-articles graph. An edge is a pair that either side
// lists as related (the ranking already applies the threshold), so a cluster does not depend on which
// article was asked first. Pure: the server feature supplies the edges and the titles.

export interface ClusterMember {
  uri: string;
  /** Neighbours inside the cluster. */
  links: number;
}

/** Components of two or more articles, best-connected member first, largest cluster first. */
export function relatedClusters(
  uris: readonly string[],
  neighbours: (uri: string) => readonly string[],
): ClusterMember[][] {
  const known = new Set(uris);
  const parent = new Map<string, string>(uris.map((u) => [u, u]));
  const find = (u: string): string => {
    let root = u;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    // Path compression keeps later look-ups short on large corpora.
    for (let x = u; x !== root;) {
      const up = parent.get(x) as string;
      parent.set(x, root);
      x = up;
    }
    return root;
  };
  const degree = new Map<string, Set<string>>(uris.map((u) => [u, new Set()]));
  for (const u of uris) {
    for (const v of neighbours(u)) {
      if (v === u || !known.has(v)) continue;
      degree.get(u)?.add(v);
      degree.get(v)?.add(u);
      const [a, b] = [find(u), find(v)];
      if (a !== b) parent.set(a, b);
    }
  }
  const groups = new Map<string, ClusterMember[]>();
  for (const u of uris) {
    const root = find(u);
    const group = groups.get(root) ?? [];
    group.push({ uri: u, links: degree.get(u)?.size ?? 0 });
    groups.set(root, group);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort((a, b) => b.links - a.links || a.uri.localeCompare(b.uri)))
    .sort((a, b) => b.length - a.length || a[0].uri.localeCompare(b[0].uri));
}
