/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Up to `max` names closest to `wanted`: near in spelling, or containing it. */
export function closest(wanted: string, names: Iterable<{ name: string; label: string }>, max = 5): string[] {
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { label: string; score: number }[] = [];
  for (const n of names) {
    const d = editDistance(wanted.toLowerCase(), n.name.toLowerCase());
    const contains = n.name.toLowerCase().includes(wanted.toLowerCase()) || wanted.toLowerCase().includes(n.name.toLowerCase());
    if (d <= limit || contains) scored.push({ label: n.label, score: contains ? Math.min(d, 1) : d });
  }
  // Stable sort: among equally close names, the caller's order (workloads before pods) holds.
  return [...new Set(scored.sort((x, y) => x.score - y.score).map((s) => s.label))].slice(0, max);
}
