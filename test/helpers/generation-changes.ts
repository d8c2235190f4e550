import { diff } from '../../src/api/diff.js';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import type { CniProfile } from '../../src/model/cni.js';
import { PROTOCOLS } from '../../src/model/policy.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { endpointPairs, sampleAddresses, SAMPLE_PORTS } from './random-cluster.js';

/**
 * What replacing a snapshot's policies by generated ones changes, checked two ways independent of
 * generate's own proof: `diff` (src/api/diff.ts) and the per-pair reference evaluator. `keep`
 * leaves out pairs the caller does not count (no connection can join them, say).
 */

/** Workload pairs whose connections differ, as `netpol-check diff` computes them. */
export function connectivityChanges(before: Snapshot, after: Snapshot, cni: CniProfile = 'generic', keep: (src: string, dst: string) => boolean = () => true): string[] {
  return diff(before, after, { cni })
    .changes.filter(({ change: c }) => keep(c.src, c.dst))
    .map(({ change: c }) => `${c.src} => ${c.dst}: +${c.added} -${c.removed}`);
}

const addresses = sampleAddresses().map((a): Endpoint => ({ kind: 'ip', ...a }));
const endText = (e: Endpoint) => (e.kind === 'pod' ? e.pod.id : `${e.family}:${e.addr}`);

/** Connections (sampled ports and addresses) the reference evaluator answers differently before and after. */
export function referenceChanges(before: Snapshot, after: Snapshot, keep: (src: Endpoint, dst: Endpoint) => boolean = () => true): { src: string; dst: string; port: string; was: boolean }[] {
  const a = new ReferenceEvaluator(before);
  const b = new ReferenceEvaluator(after);
  const out: { src: string; dst: string; port: string; was: boolean }[] = [];
  for (const [src, dst] of endpointPairs(before.pods, addresses)) {
    if (src.kind === 'pod' && dst.kind === 'pod' && src.pod === dst.pod) continue;
    if (!keep(src, dst)) continue;
    for (const protocol of PROTOCOLS) {
      for (const port of SAMPLE_PORTS) {
        const t = { src, dst, protocol, port };
        const was = a.allowed(t);
        if (was !== b.allowed(t)) out.push({ src: endText(src), dst: endText(dst), port: `${protocol}/${port}`, was });
      }
    }
  }
  return out;
}
