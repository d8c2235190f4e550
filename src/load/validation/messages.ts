/**
 * Message builders and the byte length rule shared by the validators:
 * k8s.io/apimachinery/pkg/util/validation/validation.go (v0.32, Kubernetes 1.32):
 * MaxLenError, RegexError, EmptyError, InclusiveRangeError.
 */

/** MaxLenError */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** RegexError: `msg (e.g. 'a' or 'b', regex used for validation is 'fmt')`. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

/** EmptyError */
export function emptyError(): string {
  return 'must be non-empty';
}

/** InclusiveRangeError */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/**
 * Go's len(string): the UTF-8 byte length, which is what every length limit counts
 * (so 'é' counts 2 against a 63 limit).
 */
export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
