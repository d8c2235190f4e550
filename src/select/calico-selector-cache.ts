import type { CalicoSelector } from './calico-selector-ast.js';
import { parseCalicoSelector } from './calico-selector.js';

const parsed = new Map<string, CalicoSelector>();

/**
 * The parsed form of a selector the loader has already accepted (model/calico-policy.ts keeps
 * selectors as text), parsed once per distinct text. An invalid text here is a bug: it throws.
 */
export function calicoSelectorOf(text: string): CalicoSelector {
  let s = parsed.get(text);
  if (!s) {
    const p = parseCalicoSelector(text);
    if (!p.ok) throw new Error(`selector ${JSON.stringify(text)} was not validated: ${p.error.message}`);
    s = p.selector;
    if (parsed.size < 100_000) parsed.set(text, s);
  }
  return s;
}
