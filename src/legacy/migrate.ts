import type { Endpoint } from '../engine/endpoint.js';
import { computeMatrix } from '../engine/matrix.js';
import { ReferenceEvaluator } from '../engine/reference.js';
import type { LoadResult } from '../load/load-snapshot.js';
import { loadTexts } from '../load/load-snapshot.js';
import { yamlLib } from '../load/yaml-lib.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { API_ALPHA, API_V1, type Semantics } from '../model/semantics.js';
import type { Namespace, Snapshot } from '../model/snapshot.js';
import { namespaceManifest, policyManifest } from './manifest.js';
import { endpointName, migrationProbes } from './probes.js';
import { LegacyReferenceEvaluator } from './reference.js';

export interface MigrationFile {
  /** `NAMESPACE.yaml` */
  name: string;
  text: string;
}

export interface Difference {
  src: string;
  dst: string;
  protocol: string;
  port: number;
  before: boolean;
  after: boolean;
}

export interface Proof {
  equivalent: boolean;
  pods: number;
  /** Ordered pairs of distinct pods with at least one allowed connection (the same before and after when equivalent). */
  connectedPairs: number;
  /** Connections checked (endpoint pairs × protocols × ports). */
  checks: number;
  differences: Difference[];
}

export interface Migration {
  semantics: Semantics;
  files: MigrationFile[];
  /** One line per object written or left out. */
  changes: string[];
  /** What has no exact v1 equivalent, and other caveats. */
  notes: string[];
  proof: Proof;
  /** Problems reading the written manifests back (a bug if any). */
  reloadProblems: Diagnostic[];
}

/**
 * Writes the networking.k8s.io/v1 equivalent of a snapshot: every policy in v1 form (under
 * legacy semantics: the translation of load/apply-legacy-semantics.ts, with a
 * default-deny-ingress per isolated namespace), and the annotated Namespaces without their
 * isolation annotations. Then proves it: reads the written text back, computes its matrix with
 * the engine, and compares it with the oracle's answers (legacy or v1) on the original
 * policies, connection by connection.
 */
export function migrate(loaded: LoadResult): Migration {
  const { snapshot: effective, declared } = loaded;
  const semantics = declared.semantics ?? { mode: 'v1', reason: API_V1, legacyContent: false };
  const changes: string[] = [];
  const notes: string[] = [];
  const byNamespace = new Map<string, Record<string, unknown>[]>();
  if (!semantics.legacyContent) {
    // Nothing old to rewrite: say so rather than re-serialise the user's v1 manifests.
    const proof = { equivalent: true, pods: declared.pods.length, connectedPairs: 0, checks: 0, differences: [] };
    return { semantics, files: [], changes: ['nothing to migrate: every policy is networking.k8s.io/v1 and no namespace carries a legacy isolation annotation'], notes: [], proof, reloadProblems: [] };
  }
  const add = (ns: string, doc: Record<string, unknown>) => byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), doc]);

  for (const ns of declared.namespaces) {
    if (!ns.legacyIsolation || ns.implicit) continue;
    add(ns.name, namespaceManifest(ns));
    changes.push(`Namespace ${ns.name}: ${ns.legacyIsolation.annotation} annotation removed`);
  }
  for (const p of effective.policies) {
    add(p.namespace, policyManifest(p));
    const key = `${p.namespace}/${p.name}`;
    if (p.synthesized) changes.push(`NetworkPolicy ${key}: new, ${p.synthesized}`);
    else if (p.apiVersion === API_V1) changes.push(`NetworkPolicy ${key}: already networking.k8s.io/v1${semantics.mode === 'legacy' ? ', made ingress-only' : ''}`);
    else changes.push(`NetworkPolicy ${key}: ${p.apiVersion} → ${API_V1}${semantics.mode === 'legacy' ? ' (policyTypes: [Ingress])' : ''}`);
  }
  const written = new Set(effective.policies.map((p) => `${p.namespace}/${p.name}`));
  for (const p of declared.policies) {
    if (!written.has(`${p.namespace}/${p.name}`)) changes.push(`NetworkPolicy ${p.namespace}/${p.name}: not written: it had no effect (namespace ${p.namespace} is not isolated); as a v1 policy it would isolate pods`);
  }

  if (semantics.mode === 'legacy') {
    const alpha = declared.namespaces.some((n) => n.legacyIsolation?.isolated && n.legacyIsolation.annotation.startsWith('net.alpha')) || declared.policies.some((p) => p.apiVersion === API_ALPHA);
    const beta = declared.namespaces.some((n) => n.legacyIsolation?.isolated && n.legacyIsolation.annotation.startsWith('net.beta'));
    if (beta) notes.push('Traffic from a pod\'s own node (kubelet probes): extensions/v1beta1 DefaultDeny let it through, and so does v1 — unchanged.');
    if (alpha) notes.push('net.alpha isolation blocked all incoming traffic, node traffic included; v1 always allows traffic from the pod\'s node (no v1 equivalent for blocking it).');
    if (declared.policies.some((p) => p.affects.egress || p.egress.length)) notes.push('Egress rules were ignored under legacy semantics and are not written; add egress policies deliberately if you want them.');
  }
  notes.push('Policy labels and comments are not carried over (the model keeps names, annotations and rules).');

  const files = [...byNamespace.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ns, docs]) => ({ name: `${ns}.yaml`, text: docs.map((d) => yamlLib().stringify(d, { version: '1.1' })).join('---\n') })); // kubectl reads YAML 1.1: label values y, on, … quoted

  const reloaded = loadTexts(files.map((f) => ({ file: f.name, text: f.text })), { semantics: 'v1' });
  const reloadProblems = reloaded.diagnostics.filter((d) => d.severity === 'error');
  const after: Snapshot = {
    ...declared,
    namespaces: declared.namespaces.map(withoutIsolation),
    policies: reloaded.declared.policies,
    semantics: { mode: 'v1', reason: 'migrated', legacyContent: false },
  };
  const proof = prove(declared, after);
  if (reloadProblems.length) proof.equivalent = false;
  return { semantics, files, changes, notes, proof, reloadProblems };
}

function withoutIsolation(ns: Namespace): Namespace {
  const { legacyIsolation: _, ...rest } = ns;
  return rest;
}

const MAX_DIFFERENCES = 50;

/** Before (oracle on the policies as declared) against after (engine on the written v1 policies). */
function prove(declared: Snapshot, after: Snapshot): Proof {
  const before = declared.semantics?.mode === 'legacy' ? new LegacyReferenceEvaluator(declared) : new ReferenceEvaluator(declared);
  const matrix = computeMatrix(after);
  const probes = migrationProbes(declared, after);
  const differences: Difference[] = [];
  let checks = 0;
  /** Compares one endpoint pair on every probe port; true when some connection is allowed after. */
  const compare = (src: Endpoint, dst: Endpoint): boolean => {
    let connected = false;
    for (const [protocol, ports] of probes.ports) {
      for (const port of ports) {
        const t = { src, dst, protocol, port };
        const was = before.allowed(t);
        const is = matrix.isAllowed(t);
        checks++;
        connected ||= is;
        if (was !== is && differences.length < MAX_DIFFERENCES) differences.push({ src: endpointName(src), dst: endpointName(dst), protocol, port, before: was, after: is });
      }
    }
    return connected;
  };
  let connectedPairs = 0;
  for (const a of probes.classes) {
    const src: Endpoint = { kind: 'pod', pod: a.members[0]! };
    for (const b of probes.classes) {
      if (a === b) {
        if (b.members[1] && compare(src, { kind: 'pod', pod: b.members[1] })) connectedPairs += a.size * (a.size - 1);
      } else if (compare(src, { kind: 'pod', pod: b.members[0]! })) connectedPairs += a.size * b.size;
    }
    for (const x of probes.addresses) {
      compare(src, x);
      compare(x, src);
    }
  }
  return { equivalent: differences.length === 0, pods: declared.pods.length, connectedPairs, checks, differences };
}
