// Greedy peeling for the densest block of a small weighted bipartite graph (rows: buyer clusters,
// columns: shops), after FRAUDAR (Hooi et al., KDD 2016): the density of a node set S is
// g(S) = f(S) / |S|, f the summed weight of the edges inside S; peeling removes, one at a time,
// the node whose removal loses the least weight, and the best prefix is kept. The result is within
// a factor 2 of the densest block. Edge weights are given already multiplied by the column weight
// (1 / ln(degree + c)), which is what makes the block camouflage-resistant: edges a ring adds to
// popular honest shops weigh little. Pure and deterministic: ties break by node index.

/** A weighted bipartite graph: rows 0..rows-1, columns 0..cols-1, edges as parallel arrays. */
export interface PeelGraph {
  rows: number;
  cols: number;
  edgeRow: readonly number[];
  edgeCol: readonly number[];
  edgeWeight: readonly number[];
}

/** The densest block found: which rows and columns it keeps and its density. */
export interface PeelResult {
  rows: boolean[];
  cols: boolean[];
  /** f(S) / |S| of the block kept. */
  density: number;
  /** f(S): the summed edge weight inside the block. */
  weight: number;
}

/**
 * Peels `g` greedily and returns the prefix of highest density. O((n + m) log n) with a binary
 * heap and lazy deletion, n nodes and m edges.
 */
export function densestBlock(g: PeelGraph): PeelResult {
  const n = g.rows + g.cols;
  const degree = new Float64Array(n);
  const adjacency: number[][] = Array.from({ length: n }, () => []);
  let total = 0;
  for (let e = 0; e < g.edgeRow.length; e++) {
    const r = g.edgeRow[e]!;
    const c = g.rows + g.edgeCol[e]!;
    const w = g.edgeWeight[e]!;
    degree[r] = degree[r]! + w; degree[c] = degree[c]! + w; total += w;
    adjacency[r]!.push(e); adjacency[c]!.push(e);
  }
  const heap = new MinHeap();
  for (let i = 0; i < n; i++) heap.push(degree[i]!, i);
  const removed = new Uint8Array(n);
  const order: number[] = [];
  let left = n;
  let weight = total;
  let best = n > 0 ? total / n : 0;
  let bestWeight = total;
  let bestRemoved = 0;
  while (left > 1) {
    const top = heap.pop();
    if (top === undefined) break;
    const [d, i] = top;
    if (removed[i] || d !== degree[i]) continue;
    removed[i] = 1;
    order.push(i);
    left--;
    weight -= degree[i]!;
    for (const e of adjacency[i]!) {
      const r = g.edgeRow[e]!;
      const j = r === i ? g.rows + g.edgeCol[e]! : r;
      if (removed[j]) continue;
      degree[j] = degree[j]! - g.edgeWeight[e]!;
      heap.push(degree[j]!, j);
    }
    // Weight lost to floating point on long peels is below any threshold we compare against.
    const density = weight / left;
    if (density > best) { best = density; bestWeight = weight; bestRemoved = order.length; }
  }
  const keep = new Uint8Array(n).fill(1);
  for (let k = 0; k < bestRemoved; k++) keep[order[k]!] = 0;
  return {
    rows: Array.from({ length: g.rows }, (_, i) => keep[i] === 1),
    cols: Array.from({ length: g.cols }, (_, i) => keep[g.rows + i] === 1),
    density: best,
    weight: bestWeight,
  };
}

/** A binary min-heap of (key, index) pairs; equal keys pop the smaller index first. */
class MinHeap {
  readonly #keys: number[] = [];
  readonly #ids: number[] = [];

  push(key: number, id: number): void {
    const k = this.#keys; const ids = this.#ids;
    let i = k.length;
    k.push(key); ids.push(id);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(k[i]!, ids[i]!, k[p]!, ids[p]!)) break;
      swap(k, ids, i, p);
      i = p;
    }
  }

  pop(): [number, number] | undefined {
    const k = this.#keys; const ids = this.#ids;
    if (k.length === 0) return undefined;
    const out: [number, number] = [k[0]!, ids[0]!];
    const lastKey = k.pop()!; const lastId = ids.pop()!;
    if (k.length > 0) {
      k[0] = lastKey; ids[0] = lastId;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1; const r = l + 1;
        let m = i;
        if (l < k.length && less(k[l]!, ids[l]!, k[m]!, ids[m]!)) m = l;
        if (r < k.length && less(k[r]!, ids[r]!, k[m]!, ids[m]!)) m = r;
        if (m === i) break;
        swap(k, ids, i, m);
        i = m;
      }
    }
    return out;
  }
}

function less(ka: number, ia: number, kb: number, ib: number): boolean {
  return ka < kb || (ka === kb && ia < ib);
}

function swap(k: number[], ids: number[], a: number, b: number): void {
  const tk = k[a]!; k[a] = k[b]!; k[b] = tk;
  const ti = ids[a]!; ids[a] = ids[b]!; ids[b] = ti;
}
