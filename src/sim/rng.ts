// The simulator's only source of randomness: pure-rand's xoroshiro128+ seeded from (seed, label).
// Every module draws from its own labelled stream, so adding a draw in one module never shifts the
// numbers of another, and a run is a pure function of the seed.
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** A closed numeric range [lo, hi] from which a parameter is drawn per incident. */
export type Range = readonly [number, number];

/** Mixes 32-bit words into a well-spread 32-bit value (murmur3's finaliser). */
export function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a hash of a string, mixed: labels become independent stream keys. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h >>> 0);
}

/** A seeded random stream with the draws the simulator needs. */
export class Rng {
  private readonly g: JumpableRandomGenerator;

  private constructor(g: JumpableRandomGenerator) {
    this.g = g;
  }

  /** The stream for one (seed, label) pair; different labels give unrelated streams. */
  static derive(seed: number, label: string): Rng {
    const k = hashString(label);
    // xoroshiro128+'s own seeding puts the seed in one word only; spread it over all four so that
    // seeds 1 and 2 do not start with correlated outputs.
    const state = [mix32(seed ^ k), mix32(k + 0x9e3779b9), mix32((seed + 0x7f4a7c15) ^ (k >>> 1)), mix32(seed * 31 + k + 1) | 1];
    return new Rng(xoroshiro128plusFromState(state));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.g);
  }

  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  /** Uniform real in [lo, hi). */
  real(lo: number, hi: number): number {
    return lo + this.float() * (hi - lo);
  }

  /** A draw from a parameter range; integer ranges give integers. */
  draw(r: Range): number {
    return Number.isInteger(r[0]) && Number.isInteger(r[1]) ? this.int(r[0], r[1]) : this.real(r[0], r[1]);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty array; the caller must supply at least one choice');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** One element, chosen with the given relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.float() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items[items.length - 1]![0];
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** Poisson-distributed count with mean lambda (normal approximation above 50). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.float();
    while (p > limit) { k++; p *= this.float(); }
    return k;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** A new array with the elements in random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const t = out[i] as T;
      out[i] = out[j] as T;
      out[j] = t;
    }
    return out;
  }

  /** k distinct elements (or all if fewer). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, k));
  }
}
