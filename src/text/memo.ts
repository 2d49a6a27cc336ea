// A bounded memo for text functions that see the same inputs again and again (buyers reuse their
// addresses; gangs paste one ad to thousands of merchants). Two generations: when the newer one
// fills, the older is dropped, so memory stays at two generations whatever the traffic, and an
// input in use stays cached.

/**
 * `compute` behind a memo of at most `2 × generation` inputs, told apart by `key` (a string that
 * differs whenever the result may). Results are shared: never mutate them.
 */
export function generationMemo<I, V>(key: (input: I) => string, compute: (input: I) => V, generation: number): (input: I) => V {
  let young = new Map<string, V>();
  let old = new Map<string, V>();
  return (input) => {
    const k = key(input);
    let hit = young.get(k);
    if (hit !== undefined) return hit;
    hit = old.get(k) ?? compute(input);
    if (young.size >= generation) { old = young; young = new Map(); }
    young.set(k, hit);
    return hit;
  };
}
