/**
 * Fixed-size bitsets over Uint32Array words, and word-level operations on rows of a bit
 * matrix. Bit i lives in word i >>> 5, at position i & 31.
 */
export class Bitset {
  readonly words: Uint32Array;

  constructor(
    readonly size: number,
    words?: Uint32Array,
  ) {
    this.words = words ?? new Uint32Array(wordsFor(size));
  }

  static full(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    b.clearTail();
    return b;
  }

  static of(size: number, indices: Iterable<number>): Bitset {
    const b = new Bitset(size);
    for (const i of indices) b.set(i);
    return b;
  }

  set(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  has(i: number): boolean {
    return ((this.words[i >>> 5]! >>> (i & 31)) & 1) === 1;
  }

  orWith(other: Bitset): this {
    orInto(this.words, other.words);
    return this;
  }

  andWith(other: Bitset): this {
    andInto(this.words, other.words);
    return this;
  }

  /** Clears every bit that is set in `other`. */
  andNotWith(other: Bitset): this {
    const n = Math.min(this.words.length, other.words.length);
    for (let i = 0; i < n; i++) this.words[i]! &= ~other.words[i]!;
    return this;
  }

  and(other: Bitset): Bitset {
    return new Bitset(this.size, this.words.slice()).andWith(other);
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }

  count(): number {
    let n = 0;
    for (const w of this.words) n += popcount(w);
    return n;
  }

  *indices(): Generator<number> {
    yield* setBits(this.words);
  }

  private clearTail(): void {
    const extra = this.words.length * 32 - this.size;
    if (extra > 0) this.words[this.words.length - 1]! >>>= extra;
  }
}

export function wordsFor(bits: number): number {
  return (bits + 31) >>> 5;
}

export function orInto(target: Uint32Array, source: Uint32Array): void {
  for (let i = 0; i < target.length; i++) target[i]! |= source[i]!;
}

export function andInto(target: Uint32Array, source: Uint32Array): void {
  for (let i = 0; i < target.length; i++) target[i]! &= source[i]!;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Calls `f` with the index of every set bit at or after `from`, in increasing order (a plain loop:
 * the generator below costs several times more per bit). Words before `from`'s are not read.
 */
export function forEachSetBit(words: Uint32Array, f: (i: number) => void, from = 0): void {
  const first = from >>> 5;
  for (let w = first; w < words.length; w++) {
    // In `from`'s own word, the bits below it are masked off.
    let word = w === first && (from & 31) !== 0 ? (words[w]! & ~((1 << (from & 31)) - 1)) >>> 0 : words[w]!;
    while (word !== 0) {
      const low = word & -word;
      f((w << 5) + (31 - Math.clz32(low)));
      word = (word ^ low) >>> 0;
    }
  }
}

/** Indices of set bits, in increasing order. */
export function* setBits(words: Uint32Array): Generator<number> {
  for (let w = 0; w < words.length; w++) {
    let word = words[w]!;
    while (word !== 0) {
      const low = word & -word;
      yield (w << 5) + (31 - Math.clz32(low));
      word ^= low;
    }
  }
}
