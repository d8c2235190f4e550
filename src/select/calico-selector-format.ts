import type { CalicoSelector } from './calico-selector-ast.js';

/**
 * Calico's own canonical text of a selector (libcalico-go/lib/selector/parser/ast.go,
 * `Selector.String()`; Calico hashes this text into the selector's unique id, so two
 * selectors with the same text are the same selector to Calico): every `&&` / `||` group in
 * parentheses, one space around operators, `!` glued to its operand, values in double quotes
 * unless they contain one (then single), set values sorted and deduplicated. Parsing the
 * result gives back the same AST.
 *
 * The text holds label values from manifests verbatim: escape it for the output format.
 */
export function formatCalicoSelector(selector: CalicoSelector): string {
  const quote = (v: string): string => (v.includes('"') ? `'${v}'` : `"${v}"`);
  switch (selector.kind) {
    case 'all':
      return 'all()';
    case 'global':
      return 'global()';
    case 'has':
      return `has(${selector.label})`;
    case 'equals':
      return `${selector.label} == ${quote(selector.value)}`;
    case 'notEquals':
      return `${selector.label} != ${quote(selector.value)}`;
    case 'contains':
      return `${selector.label} contains ${quote(selector.value)}`;
    case 'startsWith':
      return `${selector.label} starts with ${quote(selector.value)}`;
    case 'endsWith':
      return `${selector.label} ends with ${quote(selector.value)}`;
    case 'in':
      return `${selector.label} in {${selector.values.map(quote).join(', ')}}`;
    case 'notIn':
      return `${selector.label} not in {${selector.values.map(quote).join(', ')}}`;
    case 'not':
      return `!${formatCalicoSelector(selector.operand)}`;
    case 'and':
      return `(${selector.operands.map(formatCalicoSelector).join(' && ')})`;
    case 'or':
      return `(${selector.operands.map(formatCalicoSelector).join(' || ')})`;
  }
}
