import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateYaml } from '../../bench/generate.js';
import { RULES } from '../../src/lint/registry.js';
import type { LintRule } from '../../src/lint/rule.js';
import { runLint } from '../../src/lint/run-lint.js';
import { loadSnapshot, loadTexts } from '../../src/load/load-snapshot.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { PLAIN_RULES } from '../helpers/plain-rules/index.js';
import { randomAdminSnapshot, randomSnapshot } from '../helpers/random-cluster.js';

const INDEXED: LintRule<string>[] = PLAIN_RULES.map((plain) => RULES.find((r) => r.meta.id === plain.meta.id)!);

/** The findings of the indexed rules and of the scanning ones, as (rule, message, source, object). */
function both(snapshot: Snapshot) {
  const shape = (rules: readonly LintRule<string>[]) => runLint(snapshot, [], { rules }).map((f) => ({ rule: f.ruleId, messageId: f.messageId, message: f.message, source: f.source, object: f.object }));
  return { indexed: shape(INDEXED), plain: shape(PLAIN_RULES) };
}

describe('lint rules on the snapshot index find exactly what the scanning rules find', () => {
  it('every indexed rule has its scanning twin', () => {
    expect(INDEXED.every(Boolean)).toBe(true);
    expect(INDEXED.map((r) => r.meta)).toEqual(PLAIN_RULES.map((r) => r.meta));
  });

  it.each([
    ['random clusters', randomSnapshot],
    ['random clusters with cluster-wide policies', randomAdminSnapshot],
  ])('%s', (_t, arb) => {
    fc.assert(
      fc.property(arb, (snapshot) => {
        const { indexed, plain } = both(snapshot);
        expect(indexed).toEqual(plain);
      }),
      { numRuns: 400 },
    );
  });

  it.each(readdirSync('examples', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name))('examples/%s', (name) => {
    const { snapshot } = loadSnapshot([`examples/${name}`]);
    const { indexed, plain } = both(snapshot);
    expect(indexed).toEqual(plain);
  });

  it.each([1, 2, 3])('a generated cluster of 400 pods, seed %i', (seed) => {
    const { snapshot } = loadTexts([{ file: 'gen.yaml', text: generateYaml({ pods: 400, seed }) }]);
    const { indexed, plain } = both(snapshot);
    expect(indexed.length).toBeGreaterThan(0);
    expect(indexed).toEqual(plain);
  });
});
