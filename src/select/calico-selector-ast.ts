/**
 * The parsed form of a Calico selector expression (projectcalico.org/v3 `selector`,
 * `namespaceSelector`, `serviceAccountSelector`, `notSelector`). One node per operator of
 * Calico's reference ("Selectors" section of the NetworkPolicy resource), mirroring the node
 * kinds of libcalico-go/lib/selector/parser/ast.go.
 *
 * Invariants the parser guarantees (and the printer relies on for a lossless round trip):
 * `and`/`or` have at least two operands; a `not` never wraps another `not` (`!!x` is `x`,
 * as upstream collapses leading `!`s); `in`/`notIn` values are sorted by code point and
 * deduplicated (upstream ConvertToStringSetInPlace); no value holds both `'` and `"` (no
 * quoting can write such a value: Calico strings have no escapes).
 */
export type CalicoSelector =
  | { readonly kind: 'all' }
  | { readonly kind: 'global' }
  | { readonly kind: 'has'; readonly label: string }
  | { readonly kind: CalicoValueOperator; readonly label: string; readonly value: string }
  | { readonly kind: CalicoSetOperator; readonly label: string; readonly values: readonly string[] }
  | { readonly kind: 'not'; readonly operand: CalicoSelector }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly CalicoSelector[] };

/** `==`, `!=`, `contains`, `starts with`, `ends with`: a label compared with one string. */
export type CalicoValueOperator = 'equals' | 'notEquals' | 'contains' | 'startsWith' | 'endsWith';

/** `in { … }` and `not in { … }`. */
export type CalicoSetOperator = 'in' | 'notIn';

/** Where a parse failed: a UTF-16 offset into the selector text and what was expected there. */
export interface CalicoSelectorError {
  offset: number;
  message: string;
}

export type CalicoSelectorParse = { ok: true; selector: CalicoSelector } | { ok: false; error: CalicoSelectorError };

/** Orders strings as Go's `<` does on their UTF-8 bytes: by code point, not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}
