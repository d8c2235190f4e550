import type { Diagnostic } from '../model/diagnostic.js';
import type { Snapshot } from '../model/snapshot.js';
import { withResolver } from '../model/cluster-resolver.js';
import { DNS, resolverPods } from './dns.js';
import { resolveFlows, type FlowLine, type ResolvedFlow } from './flows.js';
import { generatePolicies, type Generation } from './generate.js';
import type { PolicyKind } from './policy-kind.js';
import { Requirement } from './requirement.js';

export interface FromFlowsOptions {
  /** Allow DNS from every pod of the managed namespaces to the cluster resolver (default true). */
  dns?: boolean;
  /** What to write (default: NetworkPolicy). */
  kind?: PolicyKind;
}

export interface FlowGeneration {
  generation?: Generation;
  flows: ResolvedFlow[];
  /** Lines that name nothing or a port no destination has: nothing is generated then. */
  problems: Diagnostic[];
  /** The snapshot the policies were generated for (with a stand-in resolver when it had none). */
  snapshot: Snapshot;
}

/**
 * Policies that allow exactly the listed flows (and DNS unless told not to) in the namespaces of
 * the pods that take part in them; every other namespace keeps its policies.
 */
export function generateFromFlows(given: Snapshot, lines: readonly FlowLine[], options: FromFlowsOptions = {}): FlowGeneration {
  const dns = options.dns ?? true;
  // A stand-in when the snapshot has no resolver, with its namespace (labelled as every namespace is, so that the rule's namespaceSelector finds it).
  const made = dns ? withResolver(given) : { snapshot: given, assumed: false };
  const snapshot = made.snapshot;
  const resolver = { pods: dns ? resolverPods(snapshot).pods : [], assumed: made.assumed };
  const { flows, problems } = resolveFlows(snapshot, lines);
  if (problems.length) return { flows, problems, snapshot };
  const req = new Requirement(snapshot.pods);
  const resolverSet = new Set(resolverPods(snapshot).pods);
  const managed = new Set<string>();
  for (const f of flows) {
    for (const p of f.pairs) {
      req.allow(p.src, p.dst, p.connections);
      managed.add(p.src.namespace);
      // A lookup does not put the resolver's namespace under generated policies (its own upstream traffic is not in the flows).
      if (!(resolverSet.has(p.dst) && p.connections.subtract(DNS).isEmpty())) managed.add(p.dst.namespace);
    }
    for (const o of f.toOutside) {
      req.allowToOutside(o.src, [o.piece]);
      managed.add(o.src.namespace);
    }
    for (const o of f.fromOutside) {
      req.allowFromOutside(o.dst, [o.piece]);
      managed.add(o.dst.namespace);
    }
  }
  if (dns) for (const p of snapshot.pods) if (managed.has(p.namespace)) for (const r of resolver.pods) if (r !== p) req.allow(p, r, DNS);
  const generation = generatePolicies(snapshot, req, managed, options.kind);
  if (dns && resolver.assumed) generation.notes.push('the snapshot has no cluster resolver: DNS is allowed to kube-system pods labelled k8s-app=kube-dns');
  if (dns && !resolver.assumed && !managed.has(resolver.pods[0]!.namespace)) generation.notes.push(`DNS to ${resolver.pods[0]!.namespace} pods labelled k8s-app=kube-dns is allowed on the sending side; their namespace keeps its own policies`);
  return { generation, flows, problems, snapshot };
}
