import type { ContainerPort, ContainerText } from '../../model/snapshot.js';
import { PROTOCOLS, type Protocol } from '../../model/policy.js';
import type { Path } from '../locate.js';
import { isRecord, type ObjectReader } from '../object-reader.js';

export interface PodSpecFacts {
  ports: ContainerPort[];
  hostNetwork: boolean;
  /** `spec.serviceAccountName` (or the deprecated `spec.serviceAccount`), when given. */
  serviceAccountName: string | undefined;
  /** Env values, args and commands, when the reader keeps them. */
  containerText?: ContainerText[];
}

/** The strings of each container's env values, args and command, with their positions. */
function containerText(r: ObjectReader, containersPath: Path, containers: readonly unknown[]): ContainerText[] {
  const out: ContainerText[] = [];
  for (let c = 0; c < containers.length; c++) {
    const container = containers[c];
    if (!isRecord(container)) continue;
    const name = typeof container.name === 'string' ? container.name : String(c);
    const env = Array.isArray(container.env) ? container.env : [];
    env.forEach((e, i) => {
      if (isRecord(e) && typeof e.value === 'string' && e.value !== '') out.push({ text: e.value, field: `env ${typeof e.name === 'string' ? e.name : i} of container ${name}`, source: r.at([...containersPath, c, 'env', i, 'value']) });
    });
    for (const list of ['args', 'command'] as const) {
      const items = Array.isArray(container[list]) ? (container[list] as unknown[]) : [];
      items.forEach((t, i) => {
        if (typeof t === 'string' && t !== '') out.push({ text: t, field: `${list}[${i}] of container ${name}`, source: r.at([...containersPath, c, list, i]) });
      });
    }
  }
  return out;
}

/** Container ports (named ports resolve against these) and hostNetwork of a pod spec. */
export function readPodSpec(r: ObjectReader, spec: Path): PodSpecFacts {
  const ports: ContainerPort[] = [];
  const containersPath = [...spec, 'containers'];
  const containers = r.list(containersPath) ?? [];
  // Read straight from the parsed values (a dump has tens of thousands of ports); paths are
  // built only to report a problem.
  for (let c = 0; c < containers.length; c++) {
    const container = containers[c];
    if (!isRecord(container) || container.ports === undefined || container.ports === null) continue;
    const list = container.ports;
    if (!Array.isArray(list)) {
      r.list([...containersPath, c, 'ports']); // reports the wrong type
      continue;
    }
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      const at = (field: string): Path => [...containersPath, c, 'ports', i, field];
      const number = isRecord(item) ? item.containerPort : undefined;
      if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 65535) {
        r.report('warning', at('containerPort'), 'invalid-port', `containerPort must be a number from 1 to 65535; port ignored`);
        continue;
      }
      const rawProtocol = (item as Record<string, unknown>).protocol;
      const protocol = (rawProtocol === undefined || rawProtocol === null ? 'TCP' : rawProtocol) as Protocol;
      if (typeof protocol !== 'string' || !PROTOCOLS.includes(protocol)) {
        if (typeof protocol !== 'string') r.string(at('protocol'));
        else r.report('warning', at('protocol'), 'invalid-protocol', `protocol "${protocol}" is not TCP, UDP or SCTP; port ignored`);
        continue;
      }
      const rawName = (item as Record<string, unknown>).name;
      const name = rawName === undefined || rawName === null ? undefined : typeof rawName === 'string' ? rawName : r.string(at('name'));
      ports.push(name ? { name, port: number, protocol } : { port: number, protocol });
    }
  }
  const hostNetwork = r.get([...spec, 'hostNetwork']) === true;
  const sa = r.get([...spec, 'serviceAccountName']) ?? r.get([...spec, 'serviceAccount']);
  return { ports, hostNetwork, serviceAccountName: typeof sa === 'string' && sa !== '' ? sa : undefined, ...(r.keepContainerText ? { containerText: containerText(r, containersPath, containers) } : {}) };
}

export interface OwnerRef {
  kind?: string;
  name: string;
  controller: boolean;
}

export function readOwnerRefs(r: ObjectReader): OwnerRef[] {
  const out: OwnerRef[] = [];
  const refs = r.list(['metadata', 'ownerReferences']) ?? [];
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    const name = isRecord(ref) && typeof ref.name === 'string' ? ref.name : r.string(['metadata', 'ownerReferences', i, 'name']);
    if (!name || !isRecord(ref)) continue;
    const kind = typeof ref.kind === 'string' ? ref.kind : ref.kind === undefined || ref.kind === null ? undefined : r.string(['metadata', 'ownerReferences', i, 'kind']);
    const controller = ref.controller === true;
    out.push(kind ? { kind, name, controller } : { name, controller }); // no spread of a conditional object: V8's slow path, per pod
  }
  return out;
}

/** The controlling owner: the first `controller: true` reference that is not a Node. */
export function controllerOf(refs: readonly OwnerRef[]): OwnerRef | undefined {
  return refs.find((o) => o.controller && o.kind !== 'Node');
}
