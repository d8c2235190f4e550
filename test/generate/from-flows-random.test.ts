import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { withProfile } from '../../src/engine/with-profile.js';
import { generateFromFlows } from '../../src/generate/from-flows.js';
import { PLUGINS } from '../../src/model/cni.js';
import { PROTOCOLS, type Protocol } from '../../src/model/policy.js';
import { randomSnapshot, SAMPLE_PORTS } from '../helpers/random-cluster.js';

/**
 * Random clusters (labels that tell every pod of a namespace apart, none on the host network, no
 * policies to keep) and random flows between their pods: the generated policies allow exactly
 * the flows, by the reference evaluator on every pod pair of the generated namespaces.
 */
describe('generate --from random flows', () => {
  const clusters = randomSnapshot
    .filter((s) => !s.pods.some((p) => p.hostNetwork) && new Set(s.pods.map((p) => `${p.namespace}${JSON.stringify(Object.entries(p.labels).sort())}`)).size === s.pods.length)
    .map((s) => ({ ...s, policies: [] }));
  const flows = fc.array(fc.record({ src: fc.nat(), dst: fc.nat(), protocol: fc.constantFrom<Protocol>(...PROTOCOLS), port: fc.constantFrom(53, 80, 443, 8080, 9090) }), { minLength: 1, maxLength: 8 });

  it('allow exactly the flows (no DNS asked)', () => {
    fc.assert(
      fc.property(clusters, flows, fc.constantFrom(...PLUGINS), (cluster, raw, cni) => {
        const s = withProfile(cluster, cni);
        const pods = s.pods;
        const wanted = raw.map((f) => ({ src: pods[f.src % pods.length]!, dst: pods[f.dst % pods.length]!, protocol: f.protocol, port: f.port })).filter((f) => f.src !== f.dst);
        fc.pre(wanted.length > 0);
        const lines = wanted.map((f, i) => ({ src: `${f.src.namespace}/pod/${f.src.name}`, dst: `${f.dst.namespace}/pod/${f.dst.name}:${f.port}/${f.protocol.toLowerCase()}`, source: { file: 'flows.csv', doc: 0, line: i + 1, col: 1 } }));
        const made = generateFromFlows(s, lines, { dns: false });
        expect(made.problems).toEqual([]);
        const g = made.generation!;
        expect(g.proof.missing).toEqual([]);
        expect(g.proof.extra).toEqual([]);
        const managed = new Set(g.managed);
        const ref = new ReferenceEvaluator(g.after);
        for (const a of pods) {
          for (const b of pods) {
            if (a === b || !(managed.has(a.namespace) || managed.has(b.namespace))) continue;
            for (const protocol of PROTOCOLS) {
              for (const port of [53, 80, 443, 8080, 9090, ...SAMPLE_PORTS.slice(0, 4)]) {
                const required = wanted.some((f) => f.src === a && f.dst === b && f.protocol === protocol && f.port === port);
                const t = { src: { kind: 'pod' as const, pod: a }, dst: { kind: 'pod' as const, pod: b }, protocol, port };
                if (ref.allowed(t) !== required) throw new Error(`${a.id} -> ${b.id} ${protocol}/${port}: ${required ? 'denied' : 'allowed'}`);
              }
            }
          }
        }
      }),
      { numRuns: 120, seed: 31 },
    );
  });
});
