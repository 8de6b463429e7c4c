/**
 * Seeded pseudo-random numbers for the demo population. Never Math.random: the same seed must give
 * the same people on every machine, so that README examples and bug reports stay reproducible.
 */

/** A stream of uniform numbers; every helper draws from `next`. */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Normally distributed (Box–Muller). */
  normal(mean: number, deviation: number): number
}

/** Mixes any number of 32-bit inputs into one well-spread 32-bit seed (murmur3 finaliser). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
    // Also fold in the high part, so that seeds beyond 2^32 (e.g. 2^40 + 1) still differ.
    h = Math.imul(h ^ Math.floor(part / 0x100000000), 0x27d4eb2f)
    h ^= h >>> 15
  }
  return h >>> 0
}

/** Hashes a text into a seed part, so that streams can be named ("employers", "visits"). */
export function textSeed(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * xoshiro128** seeded through splitmix32: four 32-bit words of state, 32-bit arithmetic only, so it
 * is fast in JavaScript and gives the same sequence everywhere.
 */
export function createRandom(...seedParts: number[]): Random {
  let x = mixSeed(...seedParts)
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0
    let z = x
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix() | 1 // an all-zero state would stay zero forever
  const nextUint32 = () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0
    const t = b << 9
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = rotl(d, 11)
    return result
  }
  const next = () => nextUint32() / 0x100000000
  let spareNormal: number | null = null
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    normal(mean, deviation) {
      if (spareNormal !== null) {
        const value = spareNormal
        spareNormal = null
        return mean + deviation * value
      }
      const u = 1 - next()
      const v = next()
      const radius = Math.sqrt(-2 * Math.log(u))
      spareNormal = radius * Math.sin(2 * Math.PI * v)
      return mean + deviation * radius * Math.cos(2 * Math.PI * v)
    },
  }
}

function rotl(value: number, shift: number): number {
  return (value << shift) | (value >>> (32 - shift))
}

/** Picks items with the given relative weights in O(log n) per draw (cumulative sums + binary search). */
export type WeightedPicker<T> = { pick(random: Random): T; readonly items: readonly T[] }

export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): WeightedPicker<T> {
  const items: T[] = []
  const cumulative: number[] = []
  let total = 0
  for (const [item, weight] of entries) {
    if (!(weight > 0)) continue
    total += weight
    items.push(item)
    cumulative.push(total)
  }
  if (items.length === 0) throw new Error('weightedPicker needs at least one positive weight')
  return {
    items,
    pick(random) {
      const target = random.next() * total
      let low = 0
      let high = cumulative.length - 1
      while (low < high) {
        const middle = (low + high) >>> 1
        if ((cumulative[middle] ?? 0) > target) high = middle
        else low = middle + 1
      }
      return items[low] as T
    },
  }
}

/**
 * A keyed bijection of [0, size): a balanced Feistel network over the next even number of bits, with
 * cycle walking back into range. Counters pushed through it give identifiers that look random yet
 * can never repeat, without keeping a set of the million codes already issued.
 */
export function keyedPermutation(size: number, key: number): (index: number) => number {
  let bits = Math.max(2, Math.ceil(Math.log2(size)))
  if (bits % 2 === 1) bits++
  const half = bits / 2
  const mask = (1 << half) - 1
  const roundKeys = [0, 1, 2, 3].map((round) => mixSeed(key, round))
  const once = (value: number) => {
    let left = Math.floor(value / (mask + 1))
    let right = value & mask
    for (const roundKey of roundKeys) {
      const next = (left ^ (mixSeed(roundKey, right) & mask)) & mask
      left = right
      right = next
    }
    return left * (mask + 1) + right
  }
  return (index) => {
    if (!(index >= 0 && index < size)) throw new RangeError(`index ${index} outside [0, ${size})`)
    let value = once(index)
    while (value >= size) value = once(value)
    return value
  }
}
