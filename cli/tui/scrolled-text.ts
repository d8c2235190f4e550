import { escapeTerminal } from '../../src/text/escape/terminal.js';
import { derive, explanationOf } from './derive.js';
import { layout } from './layout.js';
import type { ExploreModel, PolicyEntry } from './model.js';
import type { ExploreState } from './state.js';
import { wrapLine } from './wrap.js';

export interface PaneLine {
  text: string;
  bold?: boolean;
  color?: string;
}

/** `NetworkPolicy shop/api`; a cluster-wide policy's label names its kind already. */
const titleOf = (policy: PolicyEntry) => (policy.label.startsWith(`${policy.kind} `) ? policy.label : `${policy.kind} ${policy.label}`);

/** A policy's details: what it is, where it was read, its rules, what it selects, its findings. */
function policyLines(policy: PolicyEntry): PaneLine[] {
  return [
    { text: titleOf(policy), bold: true },
    { text: policy.source },
    ...policy.rules.map((r) => ({ text: `  ${r}` })),
    { text: `selects ${policy.selects.length}:`, bold: true },
    ...policy.selects.map((s) => ({ text: `  ${s}` })),
    ...policy.findings.map((f) => ({ text: `! ${f.ruleId}: ${f.message}`, color: 'yellow' })),
  ];
}

/**
 * The text of the pane that scrolls, as the screen shows it: the explanation of a pair (the
 * whole width), or the selected policy's details or its YAML (the right pane). Every line is
 * escaped for the terminal (names, selectors, messages and manifests are input), then wrapped
 * to the pane's width.
 */
export function scrolledText(model: ExploreModel, s: ExploreState): PaneLine[] {
  const { width, rightWidth } = layout(s.columns, 0, false);
  let lines: PaneLine[] = [];
  let textWidth = rightWidth - 2;
  if (s.focus === 'explain') {
    lines = explanationOf(model, s).map((text, i) => ({ text, ...(i === 0 ? { bold: true } : {}) }));
    textWidth = width - 2;
  } else if (s.tab === 'policies') {
    const { policy } = derive(model, s);
    if (policy) lines = s.yaml ? [{ text: `${titleOf(policy)} · YAML as read`, bold: true }, { text: policy.source }, ...model.manifest(policy).map((text) => ({ text }))] : policyLines(policy);
  }
  return lines.flatMap((l) => wrapLine(escapeTerminal(l.text), textWidth).map((text) => ({ ...l, text })));
}
