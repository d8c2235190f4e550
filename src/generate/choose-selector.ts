import type { LabelSelector, SelectorRequirement } from '../model/labels.js';
import type { PodClass } from './pod-classes.js';
import { keyPreference } from './stable-labels.js';

function matches(selector: Readonly<Record<string, string>>, absent: readonly string[], c: PodClass): boolean {
  return Object.entries(selector).every(([k, v]) => c.labels[k] === v) && absent.every((k) => !(k in c.labels));
}

/**
 * The selector a person would write for a class among the other classes of its namespace: the
 * fewest labels, preferred keys first (app.kubernetes.io/name, app, …), added only while they
 * exclude another class; when every label of the class is also on another class, a
 * `DoesNotExist` on one of that class's extra keys. Exact: it matches this class and no other.
 */
export function chooseSelector(target: PodClass, namespaceClasses: readonly PodClass[]): LabelSelector {
  let rivals = namespaceClasses.filter((c) => c !== target);
  const keys = Object.keys(target.labels).sort(keyPreference);
  const chosen: Record<string, string> = {};
  // First the most preferred key that the class has at all: a selector names what the pods are.
  for (const key of keys) {
    if (!rivals.length && Object.keys(chosen).length) break;
    const value = target.labels[key]!;
    const excluded = rivals.filter((c) => c.labels[key] !== value);
    if (excluded.length === 0 && Object.keys(chosen).length) continue;
    chosen[key] = value;
    rivals = rivals.filter((c) => c.labels[key] === value);
  }
  const absent: string[] = [];
  for (const rival of rivals) {
    if (matches(chosen, absent, rival)) {
      const extra = Object.keys(rival.labels).filter((k) => !(k in target.labels)).sort(keyPreference)[0];
      if (extra !== undefined && !absent.includes(extra)) absent.push(extra);
    }
  }
  const matchExpressions: SelectorRequirement[] = absent.map((key) => ({ key, operator: 'DoesNotExist', values: [] }));
  return { matchLabels: chosen, matchExpressions };
}
