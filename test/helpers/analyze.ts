import { computeMatrix, type ReachabilityMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { LegacyReferenceEvaluator } from '../../src/legacy/reference.js';
import { loadTexts, type LoadOptions } from '../../src/load/load-snapshot.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Protocol } from '../../src/model/policy.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { parseIp } from '../../src/net/ip-address.js';
import type { Endpoint } from '../../src/engine/endpoint.js';

export interface Analysis {
  snapshot: Snapshot;
  matrix: ReachabilityMatrix;
  diagnostics: Diagnostic[];
  /**
   * `can('ns/pod', 'ns/pod', 'TCP', 80)`; an endpoint may be an IP address. Asks both the
   * bitset engine and the reference evaluator and fails loudly if they disagree.
   */
  can(src: string, dst: string, protocol?: Protocol, port?: number): boolean;
}

/** Loads YAML through the real loader and computes the matrix. */
export function analyze(...docs: string[]): Analysis {
  return analyzeWith({}, ...docs);
}

/**
 * The same with load options. Under legacy semantics the engine works on the v1 translation and
 * the legacy oracle on the policies as written, so every `can` also checks the translation.
 */
export function analyzeWith(options: LoadOptions, ...docs: string[]): Analysis {
  const { snapshot, declared, diagnostics } = loadTexts(docs.map((text, i) => ({ file: `doc${i}.yaml`, text })), options);
  const matrix = computeMatrix(snapshot);
  const reference = snapshot.semantics?.mode === 'legacy' ? new LegacyReferenceEvaluator(declared) : new ReferenceEvaluator(snapshot);
  const endpoint = (name: string): Endpoint => {
    const ip = parseIp(name);
    if (ip) return { kind: 'ip', family: ip.family, addr: ip.value };
    const pod = snapshot.pods.find((p) => p.id === name || p.id === `default/${name}`);
    if (!pod) throw new Error(`no pod ${name}; have ${snapshot.pods.map((p) => p.id).join(', ')}`);
    return { kind: 'pod', pod };
  };
  return {
    snapshot,
    matrix,
    diagnostics,
    can(src, dst, protocol = 'TCP', port = 80) {
      const t = { src: endpoint(src), dst: endpoint(dst), protocol, port };
      const fast = matrix.isAllowed(t);
      const slow = reference.allowed(t);
      if (fast !== slow) throw new Error(`engine says ${fast}, reference says ${slow} for ${src} -> ${dst} ${protocol}/${port}`);
      return fast;
    },
  };
}

/** A Pod manifest. */
export function pod(name: string, labels: Record<string, string> = {}, opts: { ns?: string; ports?: { name?: string; port: number; protocol?: string }[] } = {}): string {
  const ports = (opts.ports ?? []).map((p) => `\n    - containerPort: ${p.port}${p.name ? `\n      name: ${p.name}` : ''}${p.protocol ? `\n      protocol: ${p.protocol}` : ''}`).join('');
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${JSON.stringify(name)}
  namespace: ${JSON.stringify(opts.ns ?? "default")}
  labels: ${JSON.stringify(labels)}
spec:
  containers:
  - name: c
    image: img${ports ? `\n    ports:${ports}` : ''}
`;
}

export function ns(name: string, labels: Record<string, string> = {}): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${JSON.stringify(name)}
  labels: ${JSON.stringify(labels)}
`;
}

/** A NetworkPolicy from its spec, written as YAML (indented by the caller as a block under `spec:`). */
export function policy(name: string, namespace: string, spec: string): string {
  const body = dedent(spec)
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${JSON.stringify(name)}
  namespace: ${JSON.stringify(namespace)}
spec:
${body}
`;
}

/** Strips the common indentation of a template literal. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
