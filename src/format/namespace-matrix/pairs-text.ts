import type { NamespaceCell } from '../../summary/namespace-matrix.js';

/** `all (40)` when every pod pair is allowed, else `some (12/40)`. */
export function pairsText(c: NamespaceCell): string {
  return c.allowed === c.pairs ? `all (${c.pairs})` : `some (${c.allowed}/${c.pairs})`;
}
