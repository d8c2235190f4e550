/** The longest middle part compared line by line; past it the middle is shown replaced as a whole. */
const MAX_MIDDLE = 3000;
const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; text: string };

/** Line operations turning `a` into `b`: common prefix and suffix, an LCS in between. */
function operations(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ma = a.slice(start, endA);
  const mb = b.slice(start, endB);
  const middle: Op[] = [];
  if (ma.length > MAX_MIDDLE || mb.length > MAX_MIDDLE) {
    middle.push(...ma.map((text): Op => ({ kind: '-', text })), ...mb.map((text): Op => ({ kind: '+', text })));
  } else {
    // lcs[i][j]: the LCS length of ma[i..] and mb[j..].
    const w = mb.length + 1;
    const lcs = new Uint32Array((ma.length + 1) * w);
    for (let i = ma.length - 1; i >= 0; i--) for (let j = mb.length - 1; j >= 0; j--) lcs[i * w + j] = ma[i] === mb[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < ma.length || j < mb.length) {
      if (i < ma.length && j < mb.length && ma[i] === mb[j]) {
        middle.push({ kind: ' ', text: ma[i++]! });
        j++;
      } else if (i < ma.length && (j >= mb.length || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) middle.push({ kind: '-', text: ma[i++]! });
      else middle.push({ kind: '+', text: mb[j++]! });
    }
  }
  return [...a.slice(0, start).map((text): Op => ({ kind: ' ', text })), ...middle, ...a.slice(endA).map((text): Op => ({ kind: ' ', text }))];
}

/** A unified diff (`diff -u`) of two texts, `''` when they are equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  const ops = operations(a, b);
  const out = [`--- ${path}`, `+++ ${path}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') {
      k++;
      continue;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change close to it.
    let from = Math.max(0, k - CONTEXT);
    let to = k;
    for (let m = k; m < ops.length; m++) {
      if (ops[m]!.kind !== ' ') to = m;
      else if (m - to > 2 * CONTEXT) break;
    }
    to = Math.min(ops.length - 1, to + CONTEXT);
    let lineA = 1;
    let lineB = 1;
    for (let m = 0; m < from; m++) {
      if (ops[m]!.kind !== '+') lineA++;
      if (ops[m]!.kind !== '-') lineB++;
    }
    const hunk = ops.slice(from, to + 1);
    const countA = hunk.filter((o) => o.kind !== '+').length;
    const countB = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${lineA},${countA} +${lineB},${countB} @@`, ...hunk.map((o) => `${o.kind}${o.text}`));
    k = to + 1;
    from = k;
  }
  return `${out.join('\n')}\n`;
}
