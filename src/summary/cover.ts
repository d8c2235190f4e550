import { preferred, type Descriptor } from './descriptors.js';

/**
 * Finds, for sets of units, the candidate descriptors that denote a subset of them (never a unit
 * outside), and picks a small union that covers as much as it can (greedy: largest first,
 * then dropping any pick that the others cover). What is left is returned uncovered.
 */
export class DescriptorCover {
  private readonly holding: number[][];
  private readonly hits: Int32Array;
  private readonly stamp: Int32Array;
  private round = 0;

  constructor(
    private readonly candidates: readonly Descriptor[],
    units: number,
  ) {
    this.holding = Array.from({ length: units }, () => []);
    candidates.forEach((d, i) => {
      for (const u of d.units) this.holding[u]!.push(i);
    });
    this.hits = new Int32Array(candidates.length);
    this.stamp = new Int32Array(candidates.length);
  }

  /** `target` sorted, without repeats. Cost: the candidates that hold each target unit. */
  cover(target: readonly number[]): { picked: Descriptor[]; rest: number[] } {
    const round = ++this.round;
    const inside: number[] = [];
    for (const u of target) {
      for (const c of this.holding[u]!) {
        if (this.stamp[c] !== round) {
          this.stamp[c] = round;
          this.hits[c] = 0;
        }
        if (++this.hits[c]! === this.candidates[c]!.units.length) inside.push(c);
      }
    }
    const order = inside.map((c) => this.candidates[c]!).sort((a, b) => b.units.length - a.units.length || preferred(a, b));
    const covered = new Map<number, number>();
    const picked: Descriptor[] = [];
    for (const d of order) {
      if (d.units.every((u) => covered.has(u))) continue;
      picked.push(d);
      for (const u of d.units) covered.set(u, (covered.get(u) ?? 0) + 1);
    }
    // A pick whose every unit another pick also covers adds nothing: drop it, smallest first.
    for (let i = picked.length - 1; i >= 0; i--) {
      const d = picked[i]!;
      if (d.units.every((u) => covered.get(u)! > 1)) {
        for (const u of d.units) covered.set(u, covered.get(u)! - 1);
        picked.splice(i, 1);
      }
    }
    return { picked, rest: target.filter((u) => !covered.has(u)) };
  }
}
