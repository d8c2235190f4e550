/**
 * offset → 1-based line and column. Built lazily and sparsely: the text is scanned only as far
 * as the furthest offset asked for, remembering every 256th line start, so that printing a few
 * positions in a 14 MB dump costs one quick pass and no big array. Used by the JSON and the
 * YAML locators.
 */
export class LineIndex {
  private static readonly STEP = 256;
  /** Offsets of lines 1, 1 + STEP, 1 + 2·STEP, … (0-based line numbers k·STEP). */
  private readonly checkpoints: number[] = [0];
  /** Offset of the next line start to scan from, and its 0-based line number. */
  private scannedTo = 0;
  private scannedLine = 0;

  constructor(private readonly text: string) {}

  linePos(offset: number): { line: number; col: number } {
    const t = this.text;
    while (this.scannedTo <= offset && this.scannedTo < t.length) {
      const nl = t.indexOf('\n', this.scannedTo);
      if (nl < 0) {
        this.scannedTo = t.length + 1;
        break;
      }
      this.scannedTo = nl + 1;
      this.scannedLine++;
      if (this.scannedLine % LineIndex.STEP === 0) this.checkpoints.push(this.scannedTo);
    }
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.checkpoints[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let line = lo * LineIndex.STEP;
    let start = this.checkpoints[lo]!;
    for (let nl = t.indexOf('\n', start); nl >= 0 && nl < offset; nl = t.indexOf('\n', nl + 1)) {
      line++;
      start = nl + 1;
    }
    return { line: line + 1, col: offset - start + 1 };
  }
}
