/**
 * @module adapters/demo/random
 * A small seeded pseudo-random generator for the demo data: sfc32 seeded through splitmix32, with
 * named sub-streams so that one part of the data (units, procedures) does not change when another
 * part (the number of dossiers) does. Never uses `Math.random` or the clock: the same seed always
 * gives the same sequence.
 */

/** 32-bit FNV-1a hash of a string, used to derive sub-stream seeds from labels. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** splitmix32 step: a well-mixed 32-bit value from a 32-bit state. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** Seeded generator (sfc32). All helpers draw from `next()`. */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number
  private readonly seed: number

  /** @param seed any integer; equal seeds give equal sequences. */
  constructor(seed: number) {
    this.seed = seed >>> 0
    let s = this.seed
    this.a = s = splitmix32(s)
    this.b = s = splitmix32(s)
    this.c = s = splitmix32(s)
    this.d = splitmix32(s)
    for (let i = 0; i < 12; i++) this.uint32()
  }

  /** An independent generator for a named part of the data, derived from this one's seed. */
  fork(label: string): Random {
    return new Random(splitmix32(this.seed ^ hashString(label)))
  }

  /** Next unsigned 32-bit integer. */
  uint32(): number {
    const a = this.a, b = this.b, c = this.c, d = this.d
    const t = (((a + b) | 0) + d) | 0
    this.d = (d + 1) | 0
    this.a = b ^ (b >>> 9)
    this.b = (c + (c << 3)) | 0
    const r = (c << 21) | (c >>> 11)
    this.c = (r + t) | 0
    return t >>> 0
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min)
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** Index chosen with probability proportional to `weights[i]` (linear scan; for short lists). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0
    for (const w of weights) total += w
    let x = this.next() * total
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]
      if (x < 0) return i
    }
    return weights.length - 1
  }

  /** Standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next()
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** A copy of `items` in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice()
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const t = out[i]
      out[i] = out[j]
      out[j] = t
    }
    return out
  }

  /** `count` distinct elements of `items`, in random order (count is capped at the length). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.min(count, items.length))
  }
}

/**
 * Sampler for a fixed discrete distribution: O(log n) per draw by binary search over cumulative
 * weights. Used for units and procedures, where the lists are long and draws number in millions.
 */
export class WeightedSampler<T> {
  private readonly cumulative: Float64Array
  private readonly total: number

  /** @param items the values; @param weights their non-negative weights (same length, sum > 0). */
  constructor(readonly items: readonly T[], weights: readonly number[]) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new Error('WeightedSampler: items and weights must be non-empty and of equal length')
    }
    this.cumulative = new Float64Array(weights.length)
    let sum = 0
    for (let i = 0; i < weights.length; i++) {
      sum += Math.max(0, weights[i])
      this.cumulative[i] = sum
    }
    if (!(sum > 0)) throw new Error('WeightedSampler: weights must sum to more than 0')
    this.total = sum
  }

  /** One draw. */
  draw(rng: Random): T {
    const x = rng.next() * this.total
    let lo = 0, hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cumulative[mid] > x) hi = mid
      else lo = mid + 1
    }
    return this.items[lo]
  }
}
