import { createHash } from 'node:crypto';

/** A seeded source of numbers in [0, 1): the only randomness the history generator uses. */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for a simulation; the same seed always gives the same sequence. */
export const seededRandom = (seed: number): Random => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** An independent stream for one purpose (a dealer, a day), so adding a draw in one place moves no other. */
export const childRandom = (seed: number, ...path: Array<string | number>): Random =>
  seededRandom(
    createHash('sha256')
      .update(`${seed}|${path.join('|')}`)
      .digest()
      .readUInt32BE(0),
  );

export const chance = (random: Random, p: number): boolean => random() < p;
export const between = (random: Random, low: number, high: number): number => low + random() * (high - low);
export const intBetween = (random: Random, low: number, high: number): number =>
  Math.floor(between(random, low, high + 1));
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Picks a key with probability proportional to its weight. */
export const weighted = <K extends string>(random: Random, weights: Readonly<Record<K, number>>): K => {
  const entries = Object.entries(weights) as Array<[K, number]>;
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return entries[entries.length - 1][0];
};

/** Poisson-distributed count (Knuth; fine for the small means of a day's arrivals). */
export const poisson = (random: Random, mean: number): number => {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count += 1;
    product *= random();
  }
  return count;
};

/**
 * A time-ordered UUID (version 7 layout) from the simulated time and the seeded random: reproducible, and
 * still lands next to its neighbours in the store's unique index like the API's own v7 ids.
 */
export const seededUuidV7 = (ms: number, random: Random): string => {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(ms, 0, 6);
  for (let i = 6; i < 16; i += 4) bytes.writeUInt32BE(Math.floor(random() * 0x100000000), i > 12 ? 12 : i);
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
