import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withProfile } from '../../src/engine/with-profile.js';
import { freeze, type Generation } from '../../src/generate/generate.js';
import { loadSnapshot, loadTexts } from '../../src/load/load-snapshot.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { PLUGINS, type CniProfile } from '../../src/model/cni.js';
import { randomSnapshot } from '../helpers/random-cluster.js';
import { connectivityChanges, referenceChanges } from '../helpers/generation-changes.js';
import { diff } from '../../src/api/diff.js';
import { ROOT } from '../helpers/run-cli.js';

/** The snapshot with its NetworkPolicies replaced by the written manifests, read back as a user would. */
function withGenerated(before: Snapshot, g: Generation): Snapshot {
  const read = loadTexts(g.files.map((f) => ({ file: `${f.namespace}.yaml`, text: f.text })));
  expect(read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  return { ...before, policies: read.declared.policies };
}


describe('generate --freeze on every example (issue #23 acceptance: diff reports no change)', () => {
  const examples = readdirSync(join(ROOT, 'examples')).sort();
  it.each(examples)('examples/%s', (name) => {
    const loaded = loadSnapshot([join(ROOT, 'examples', name)]);
    const before = withProfile(loaded.snapshot, 'generic');
    const g = freeze(before);
    expect(g.reloadProblems).toEqual([]);
    expect(g.proof.missing).toEqual([]);
    expect(g.proof.extra).toEqual([]);
    expect(g.proof.required).toBeGreaterThan(3);
    const after = withGenerated(before, g);
    expect(connectivityChanges(before, after)).toEqual([]);
    expect(referenceChanges(before, after)).toEqual([]);
  });
});

describe('generate --freeze on random clusters', () => {
  it('is exact where no two pods of a namespace share their labels (and none is on the host network), by the diff and by the reference evaluator', () => {
    const distinct = randomSnapshot.filter((s) => !s.pods.some((p) => p.hostNetwork) && new Set(s.pods.map((p) => `${p.namespace}${JSON.stringify(Object.entries(p.labels).sort())}`)).size === s.pods.length);
    fc.assert(
      fc.property(distinct, fc.constantFrom(...PLUGINS), (cluster, cni) => {
        const s = withProfile(cluster, cni);
        const g = freeze(s);
        expect(g.proof.missing).toEqual([]);
        expect(g.proof.extra).toEqual([]);
        const after = withGenerated(s, g);
        expect(connectivityChanges(s, after, cni)).toEqual([]);
        expect(referenceChanges(s, after)).toEqual([]);
      }),
      { numRuns: 150, seed: 23 },
    );
  });

  it('lists exactly the pairs it changes, and never loses a connection where selectors can say it, under every plugin behaviour', () => {
    fc.assert(
      fc.property(randomSnapshot, fc.constantFrom(...PLUGINS), (cluster, cni) => {
        const s = withProfile(cluster, cni);
        const g = freeze(s);
        const after = withGenerated(s, g);
        // The workload pairs `diff` finds changed are the pairs the proof lists (pods own themselves here).
        const changed = diff(s, after, { cni }).changes.map(({ change: c }) => c).filter((c) => !c.src.includes('[External]') && !c.dst.includes('[External]'));
        const listed = (list: { src: string; dst: string }[]) => list.filter((d) => !d.src.includes('[External]') && !d.dst.includes('[External]')).map((d) => `${d.src} => ${d.dst}`).sort();
        expect(listed(g.proof.extra)).toEqual(changed.filter((c) => !c.added.isEmpty()).map((c) => `${c.src} => ${c.dst}`).sort());
        expect(listed(g.proof.missing)).toEqual(changed.filter((c) => !c.removed.isEmpty()).map((c) => `${c.src} => ${c.dst}`).sort());
        // By the reference evaluator: nothing closes unless the proof says so; nothing opens unless it says so.
        const changes = referenceChanges(s, after);
        if (g.proof.missing.length === 0) expect(changes.filter((c) => c.was)).toEqual([]);
        if (g.proof.extra.length === 0) expect(changes.filter((c) => !c.was)).toEqual([]);
        for (const d of [...g.proof.extra, ...g.proof.missing]) expect(d.why).not.toBe('');
        // Connections are lost only to or from pods on the host network, which no selector matches.
        for (const d of g.proof.missing) expect(d.why).toMatch(/on the host network/);
      }),
      { numRuns: 150, seed: 24 },
    );
  });
});
