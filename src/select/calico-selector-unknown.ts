import type { CalicoSelector } from './calico-selector-ast.js';

/**
 * What a selector answers for labels that are not known at all: true or false when every label
 * map gives that answer as far as Kleene's three-valued logic can tell (`all()`, `!all()`,
 * `all() || has(a)`), undefined when the answer may depend on the labels. Sound, not complete:
 * `has(a) || !has(a)` is undefined.
 */
export function calicoSelectorOnUnknownLabels(s: CalicoSelector): boolean | undefined {
  switch (s.kind) {
    case 'all':
    case 'global':
      return true;
    case 'not': {
      const v = calicoSelectorOnUnknownLabels(s.operand);
      return v === undefined ? undefined : !v;
    }
    case 'and':
    case 'or': {
      const decisive = s.kind === 'or';
      let unknown = false;
      for (const o of s.operands) {
        const v = calicoSelectorOnUnknownLabels(o);
        if (v === decisive) return decisive;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : !decisive;
    }
    default:
      return undefined;
  }
}
