/**
 * The filter's match: each word of the query is a substring of the text, or failing that its
 * letters appear in order inside one token of it (a name, a label key or value) — `fe` finds
 * `frontend`, `tier=back` finds the label `tier=backend`. Returns a score, lower is better
 * (substring hits first, then tighter subsequences), or -1 when some word does not match.
 */
export function fuzzyScore(query: string, text: string): number {
  const tokens = text.split(/[\s/[\]=,]+/).filter(Boolean);
  let total = 0;
  for (const word of query.toLowerCase().split(/\s+/).filter(Boolean)) {
    const direct = text.indexOf(word);
    if (direct >= 0) {
      total += direct / 10000;
      continue;
    }
    let best = -1;
    for (const token of tokens) {
      const span = subsequenceSpan(word, token);
      if (span >= 0 && (best < 0 || span < best)) best = span;
    }
    if (best < 0) return -1;
    total += 1 + best;
  }
  return total;
}

/** Length of the stretch of `token` that holds `word`'s letters in order, or -1. */
function subsequenceSpan(word: string, token: string): number {
  let at = -1;
  let first = -1;
  for (const ch of word) {
    at = token.indexOf(ch, at + 1);
    if (at < 0) return -1;
    if (first < 0) first = at;
  }
  return at - first;
}
