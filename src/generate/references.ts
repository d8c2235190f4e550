import type { Pod, Service, Snapshot } from '../model/snapshot.js';
import type { FlowLine } from './flows.js';
import type { TargetSpec } from '../query/target-spec.js';

/** The cluster's DNS domain (kubelet's default `--cluster-domain`). */
const CLUSTER_DOMAIN = 'cluster.local';

/**
 * Host names (with an optional port) in a string: a URL's host, `host:port`, or a bare name.
 * DNS labels are lower-case letters, digits and dashes (RFC 1123, as Service names are).
 */
const HOST = /(?<![-a-z0-9.])([a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?)*)(?::(\d{1,5}))?(?![-a-z0-9])/g;

/** What a reference names: a Service of the snapshot and the port, when given. */
export interface ServiceReference {
  service: Service;
  port?: number;
}

/**
 * The Services a string names as a pod in `namespace` would reach them through cluster DNS
 * (Kubernetes "DNS for Services and Pods": `svc`, `svc.ns`, `svc.ns.svc`,
 * `svc.ns.svc.cluster.local`; a bare `svc` is looked up in the pod's own namespace).
 */
export function serviceReferences(text: string, namespace: string, services: ReadonlyMap<string, Service>): ServiceReference[] {
  const out: ServiceReference[] = [];
  for (const m of text.toLowerCase().matchAll(HOST)) {
    const labels = m[1]!.split('.');
    let key: string | undefined;
    if (labels.length === 1) key = `${namespace}/${labels[0]}`;
    else if (labels.length === 2 || (labels.length === 3 && labels[2] === 'svc') || (labels.length > 3 && labels[2] === 'svc' && labels.slice(3).join('.') === CLUSTER_DOMAIN)) key = `${labels[1]}/${labels[0]}`;
    const service = key ? services.get(key) : undefined;
    if (!service) continue;
    const port = m[2] !== undefined ? Number(m[2]) : undefined;
    out.push(port !== undefined && port >= 1 && port <= 65535 ? { service, port } : { service });
  }
  return out;
}

/**
 * Flows from what workloads name in their containers' env values, args and commands (as
 * np-guard's analyzer reads them): a Service's name, with the port when written (`db:5432`,
 * `http://api.shop.svc:8080/x`), else the Service's ports. A starting point: a name in a string
 * is not proof of a call, and a call through a name the snapshot does not hold is not seen.
 */
export function referenceFlows(snapshot: Snapshot): FlowLine[] {
  const services = new Map((snapshot.services ?? []).map((s) => [`${s.namespace}/${s.name}`, s]));
  const lines: FlowLine[] = [];
  const seen = new Set<string>();
  for (const pod of snapshot.pods) {
    for (const t of pod.containerText ?? []) {
      for (const ref of serviceReferences(t.text, pod.namespace, services)) {
        const ports = ref.port !== undefined ? [ref.port] : ref.service.ports.map((p) => p.port);
        for (const port of ports.length ? ports : [undefined]) {
          const key = `${pod.owner.kind}/${pod.namespace}/${pod.owner.name} ${ref.service.namespace}/${ref.service.name} ${port ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const src = ownerTarget(pod);
          const dst: TargetSpec = { kind: 'name', text: `service/${ref.service.namespace}/${ref.service.name}`, namespace: ref.service.namespace, objectKind: 'Service', name: ref.service.name };
          const protocol = port !== undefined ? (ref.service.ports.find((p) => p.port === port)?.protocol ?? 'TCP') : undefined;
          lines.push({
            src: src.text,
            dst: port !== undefined ? `${dst.text}:${port}` : dst.text,
            srcTargets: [src],
            dstTargets: [dst],
            ...(port !== undefined ? { port: { port, protocol: protocol! } } : {}),
            source: t.source,
          });
        }
      }
    }
  }
  return lines;
}

function ownerTarget(pod: Pod): Extract<TargetSpec, { kind: 'name' }> {
  return pod.owner.kind === 'Pod'
    ? { kind: 'name', text: `pod/${pod.namespace}/${pod.name}`, namespace: pod.namespace, objectKind: 'Pod', name: pod.name }
    : { kind: 'name', text: `${pod.owner.kind.toLowerCase()}/${pod.namespace}/${pod.owner.name}`, namespace: pod.namespace, objectKind: pod.owner.kind, name: pod.owner.name };
}
