import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import type { Pod, Service, Snapshot } from '../../src/model/snapshot.js';
import { allCandidates, namespaceCandidates } from '../../src/query/resolve.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * A question that names its namespace builds only that namespace's candidates
 * (src/query/resolve.ts): they must be the whole snapshot's candidates of that namespace, in
 * the same order (the order decides did-you-mean ties and the list of an ambiguous name).
 */
const NAMESPACES = ['a', 'b', 'c'];
const NAMES = ['web', 'web-7d9f', 'db', 'api'];

const pod: fc.Arbitrary<Pod> = fc
  .record({
    namespace: fc.constantFrom(...NAMESPACES),
    name: fc.constantFrom(...NAMES),
    ownerKind: fc.constantFrom('Deployment', 'ReplicaSet', 'StatefulSet', 'Pod'),
    ownerName: fc.constantFrom(...NAMES),
    hash: fc.option(fc.constantFrom('7d9f', '55aa'), { nil: undefined }),
    app: fc.constantFrom(...NAMES),
    fromTemplate: fc.boolean(),
  })
  .map((r) => ({
    id: r.fromTemplate ? `${r.namespace}/${r.ownerName}[${r.ownerKind}]` : `${r.namespace}/${r.name}`,
    name: r.name,
    namespace: r.namespace,
    labels: { app: r.app, ...(r.hash ? { 'pod-template-hash': r.hash } : {}) },
    ports: [],
    ips: [],
    hostNetwork: false,
    owner: { kind: r.ownerKind, name: r.ownerName },
    fromTemplate: r.fromTemplate,
    replicas: 1,
    source: { file: 'x.yaml', doc: 0, line: 1, col: 1 },
  }));

const service: fc.Arbitrary<Service> = fc.record({ namespace: fc.constantFrom(...NAMESPACES), name: fc.constantFrom(...NAMES), app: fc.option(fc.constantFrom(...NAMES), { nil: undefined }) }).map((r) => ({
  name: r.name,
  namespace: r.namespace,
  ...(r.app ? { selector: { app: r.app } } : {}),
  ports: [],
  source: { file: 'x.yaml', doc: 0, line: 1, col: 1 },
}));

const snapshot: fc.Arbitrary<Snapshot> = fc.record({ pods: fc.array(pod, { maxLength: 25 }), services: fc.array(service, { maxLength: 6 }) }).map((r) => ({ namespaces: [], policies: [], ...r }));

function sameAsFiltered(s: Snapshot, namespaces: readonly string[]): void {
  for (const ns of namespaces) expect(namespaceCandidates(s, ns)).toEqual(allCandidates(s).filter((c) => c.namespace === ns));
}

describe("one namespace's candidates equal the whole snapshot's, filtered", () => {
  it('on random pods (owners, pod-template-hash, templates, name clashes) and Services', () => {
    fc.assert(
      fc.property(snapshot, (s) => sameAsFiltered(s, [...NAMESPACES, 'nowhere'])),
      { numRuns: 500 },
    );
  });

  it.each(readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name))('examples/%s', (example) => {
    const { snapshot: s } = loadSnapshot([join(ROOT, 'examples', example)]);
    sameAsFiltered(s, s.namespaces.map((n) => n.name));
  });
});
