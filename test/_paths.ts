/** Brute-force simple paths, the independent reference the path finder is tested against. */

/** Every simple path from `from` to `to` of at most maxLength steps over undirected edges, shortest first, then by ids. */
export function allSimplePaths(edges: readonly (readonly [string, string])[], from: string, to: string, maxLength: number): string[][] {
  const near = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    near.set(a, (near.get(a) ?? new Set()).add(b));
    near.set(b, (near.get(b) ?? new Set()).add(a));
  }
  const found: string[][] = [];
  const extend = (path: string[]) => {
    const at = path[path.length - 1];
    if (at === to) return void found.push(path);
    if (path.length > maxLength) return;
    for (const n of near.get(at) ?? []) if (!path.includes(n)) extend([...path, n]);
  };
  extend([from]);
  return found.sort(cypherOrder);
}

/** Shortest first, then lists of ids in order of their first difference (as Cypher orders lists of strings). */
export function cypherOrder(a: string[], b: string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  const i = a.findIndex((id, k) => id !== b[k]);
  return i === -1 ? 0 : a[i] < b[i] ? -1 : 1;
}
