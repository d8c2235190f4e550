import { computeMatrix } from '../engine/matrix.js';
import { loadTexts } from '../load/load-snapshot.js';
import { yamlLib } from '../load/yaml-lib.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Snapshot } from '../model/snapshot.js';
import { buildPolicies, classIndex, type GeneratedPolicy } from './build-policies.js';
import { podClasses } from './pod-classes.js';
import { POLICY_KIND, type PolicyKind } from './policy-kind.js';
import { proveGeneration, type GenerationProof } from './prove.js';
import { requirementOfMatrix, type Requirement } from './requirement.js';

export interface GeneratedFile {
  /** `NAMESPACE.yaml` */
  namespace: string;
  policies: GeneratedPolicy[];
  text: string;
}

export interface Generation {
  /** What was written. */
  kind: PolicyKind;
  files: GeneratedFile[];
  /** Namespaces whose NetworkPolicies the generated ones replace (default deny, then allow-lists). */
  managed: string[];
  /** What the generated policies do not touch, and other caveats. */
  notes: string[];
  proof: GenerationProof;
  /** Problems reading the written manifests back (a bug if any). */
  reloadProblems: Diagnostic[];
  /** The snapshot with the written policies in place of the managed namespaces' NetworkPolicies: what was proven. */
  after: Snapshot;
}

/**
 * Writes NetworkPolicies that allow what `req` asks for in the managed namespaces and nothing
 * more, then proves it: reads the written text back, puts it in place of the managed
 * namespaces' NetworkPolicies (every other policy is kept), computes the matrix and compares.
 */
export function generatePolicies(snapshot: Snapshot, req: Requirement, managed: ReadonlySet<string>, kind: PolicyKind = 'networkpolicy'): Generation {
  const spec = POLICY_KIND[kind];
  const classes = podClasses(snapshot.pods);
  const index = classIndex(classes);
  const policies = buildPolicies(req, index, managed, spec.write, spec.names);
  const byNamespace = new Map<string, GeneratedPolicy[]>();
  for (const p of policies) byNamespace.set(p.namespace, [...(byNamespace.get(p.namespace) ?? []), p]);
  const files = [...byNamespace.entries()].map(([namespace, ps]) => ({ namespace, policies: ps, text: ps.map((p) => yamlLib().stringify(p.manifest, { version: '1.1', lineWidth: 0 })).join('---\n') }));
  const reloaded = loadTexts(files.map((f) => ({ file: `${f.namespace}.yaml`, text: f.text })), { semantics: 'v1' });
  // Read back as a user's manifests are: an error or a warning about them is a bug.
  const reloadProblems = reloaded.diagnostics.filter((d) => d.severity !== 'info');
  const after = spec.place(snapshot, managed, reloaded.declared);
  const proof = proveGeneration(req, snapshot, after, classes, managed);
  const notes: string[] = [];
  const replaced = new Map<string, number>();
  for (const p of snapshot.policies) if (managed.has(p.namespace)) replaced.set(p.namespace, (replaced.get(p.namespace) ?? 0) + 1);
  if (replaced.size) notes.push(`replaces the NetworkPolicies in ${[...replaced].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ns, n]) => `${ns} (${n})`).join(', ')}`);
  const kept = snapshot.policies.length - [...replaced.values()].reduce((a, b) => a + b, 0);
  if (kept) notes.push(`keeps the ${kept} NetworkPolic${kept === 1 ? 'y' : 'ies'} of other namespaces`);
  if (snapshot.adminPolicies?.length) notes.push(`keeps the ${snapshot.adminPolicies.length} cluster-wide admin polic${snapshot.adminPolicies.length === 1 ? 'y' : 'ies'} as they are: they take precedence over NetworkPolicies (the proof includes them)`);
  const policyWord = (n: number) => (n === 1 ? 'policy' : 'policies');
  const written = new Set(policies.map((p) => `${p.namespace}/${p.name}`));
  const sameName = (list: readonly { kind: string; namespace?: string; name: string }[], k: string) => list.filter((p) => p.kind === k && written.has(`${p.namespace}/${p.name}`)).length;
  const ciliumAll = snapshot.ciliumPolicies?.length ?? 0;
  const calicoAll = snapshot.calico?.policies.length ?? 0;
  const replacedOwn = kind === 'cilium' ? sameName(snapshot.ciliumPolicies ?? [], 'CiliumNetworkPolicy') : kind === 'calico' ? sameName(snapshot.calico?.policies ?? [], 'NetworkPolicy') : 0;
  if (replacedOwn) notes.push(`replaces ${replacedOwn} ${kind === 'cilium' ? 'Cilium' : 'Calico'} ${policyWord(replacedOwn)} of the same name${replacedOwn === 1 ? '' : 's'}`);
  const ciliumKept = ciliumAll - (kind === 'cilium' ? replacedOwn : 0);
  const calicoKept = calicoAll - (kind === 'calico' ? replacedOwn : 0);
  if (ciliumKept) notes.push(`keeps the ${ciliumKept} Cilium ${policyWord(ciliumKept)} as they are: they add to ${kind === 'cilium' ? 'the written ones' : 'NetworkPolicies'} (the proof includes them)`);
  if (calicoKept) notes.push(`keeps the ${calicoKept} Calico ${policyWord(calicoKept)} as they are: Calico's tiers and orders place them around ${kind === 'calico' ? 'the written ones' : 'NetworkPolicies'} (the proof includes them)`);
  if (snapshot.unmodelled?.length) notes.push(`${snapshot.unmodelled.length} object${snapshot.unmodelled.length === 1 ? '' : 's'} not evaluated (NOT EVALUATED above): the proof does not cover them`);
  return { kind, files, managed: [...managed].sort(), notes, proof, reloadProblems, after };
}

/** `generate --freeze`: policies that keep exactly the connectivity the snapshot allows now, in every namespace with pods. */
export function freeze(snapshot: Snapshot, kind: PolicyKind = 'networkpolicy'): Generation {
  const req = requirementOfMatrix(computeMatrix(snapshot), snapshot.pods);
  return generatePolicies(snapshot, req, new Set(snapshot.pods.map((p) => p.namespace)), kind);
}
