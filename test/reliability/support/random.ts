/** A small seeded generator (mulberry32): the same seed replays the same soak. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
export const between = (random: () => number, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** Draws items in shuffled rounds: every item comes up once in each round, so a run of `items.length` draws covers them all. */
export function deck<T>(random: () => number, items: readonly T[]): () => T {
  const left: T[] = [];
  return () => {
    if (left.length === 0) {
      left.push(...items);
      for (let i = left.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [left[i], left[j]] = [left[j], left[i]];
      }
    }
    return left.pop()!;
  };
}
