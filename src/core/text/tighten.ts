/**
 * Tight clusters out of a similarity graph. Single linkage (connected components) lets a chain
 * A~B~C join A and C although they share nothing; here a group is kept only when every member
 * reaches the threshold with the group's medoid AND with more than half of the other members.
 * Members that fail are dropped one at a time (the weakest first) and tried again among the
 * leftovers, so a chain splits into its tightest pieces. Pure and deterministic.
 */

/** Linked pairs only (similarity ≥ threshold): node → neighbour → similarity. Sparse on purpose. */
export type Links = ReadonlyMap<number, ReadonlyMap<number, number>>;

export interface TightGroup {
  /** Node ids, ascending. */
  members: number[];
  medoid: number;
  /** Mean similarity of the other members to the medoid (1 for identical texts). */
  similarity: number;
}

/**
 * The rule, for one member x of a group S with medoid m (the member with the largest summed
 * similarity to the rest): x is linked to m (restates the group's central complaint) and to more
 * than half of S \ {x}. For a pair that is the link itself; for three members it means all three
 * pairs, which is exactly what splits A~B~C when A and C are not alike.
 */
export function tightGroups(nodes: readonly number[], links: Links): TightGroup[] {
  const groups: TightGroup[] = [];
  let pool = [...nodes].sort((a, b) => a - b);
  while (pool.length >= 2) {
    const group = tighten(pool, links);
    if (group.members.length < 2) break;
    groups.push(group);
    const taken = new Set(group.members);
    pool = pool.filter((i) => !taken.has(i));
  }
  return groups;
}

const simOf = (links: Links, i: number, j: number) => links.get(i)?.get(j) ?? 0;

function tighten(start: number[], links: Links): TightGroup {
  const members = new Set(start);
  // Links and summed similarity of each member inside the current group, kept up to date on removal.
  const count = new Map<number, number>();
  const total = new Map<number, number>();
  for (const i of members) {
    let c = 0;
    let t = 0;
    for (const [j, s] of links.get(i) ?? [])
      if (members.has(j)) {
        c++;
        t += s;
      }
    count.set(i, c);
    total.set(i, t);
  }
  const better = (i: number, j: number) =>
    total.get(i)! > total.get(j)! || (total.get(i) === total.get(j) && i < j);
  for (;;) {
    const list = [...members];
    if (list.length < 2) return { members: list, medoid: list[0] ?? -1, similarity: 1 };
    const m = list.reduce((best, i) => (better(i, best) ? i : best));
    const others = list.length - 1;
    const failing = list.filter(
      (i) => (i !== m && simOf(links, i, m) === 0) || count.get(i)! * 2 <= others,
    );
    if (!failing.length) {
      const mean =
        list.filter((i) => i !== m).reduce((sum, i) => sum + simOf(links, i, m), 0) / others;
      return {
        members: list.sort((a, b) => a - b),
        medoid: m,
        similarity: Math.round(mean * 1000) / 1000,
      };
    }
    // The weakest goes first: fewest links, then least similar overall, then the later one.
    const worst = failing.sort(
      (a, b) => count.get(a)! - count.get(b)! || total.get(a)! - total.get(b)! || b - a,
    )[0]!;
    members.delete(worst);
    for (const [j, s] of links.get(worst) ?? [])
      if (members.has(j)) {
        count.set(j, count.get(j)! - 1);
        total.set(j, total.get(j)! - s);
      }
  }
}
