import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { RULES } from '../../src/lint/registry.js';
import { runLint } from '../../src/lint/run-lint.js';
import { ROOT } from '../helpers/run-cli.js';

const lint = (yaml: string, rule: (typeof RULES)[number]) => {
  const { snapshot, diagnostics } = loadTexts([{ file: 'example.yaml', text: yaml }]);
  const own = new Set<string>(rule.inputCodes ?? []);
  // The example holds no other problem than the rule's own.
  expect(diagnostics.filter((d) => d.severity === 'error' && !own.has(d.code) && d.code !== 'policy-not-applied')).toEqual([]);
  return runLint(snapshot, diagnostics.filter((d) => own.has(d.code)), { rules: [rule] });
};

describe('lint rule registry', () => {
  it('registers every rule file, sorted by id, file name = id', () => {
    const files = readdirSync(join(ROOT, 'src', 'lint', 'rules')).map((f) => f.replace(/\.ts$/, '')).sort();
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(files);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s describes itself', (_id, rule) => {
    const m = rule.meta;
    for (const field of [m.description, m.rationale, m.fix]) expect(field.length).toBeGreaterThan(20);
    expect(Object.keys(m.messages).length).toBeGreaterThan(0);
    expect(['error', 'warning', 'info']).toContain(m.severity);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: the bad example triggers it with a position, the good one does not', (_id, rule) => {
    const bad = lint(rule.meta.examples.bad, rule);
    expect(bad.length).toBeGreaterThan(0);
    for (const f of bad) {
      expect(f.ruleId).toBe(rule.meta.id);
      expect(Object.keys(rule.meta.messages)).toContain(f.messageId);
      expect(f.source?.line).toBeGreaterThan(0);
      expect(f.message).not.toMatch(/\{\w+\}/); // every placeholder filled
    }
    expect(lint(rule.meta.examples.good, rule)).toEqual([]);
  });
});
