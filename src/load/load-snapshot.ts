import type { Diagnostic } from '../model/diagnostic.js';
import type { NetworkPolicy } from '../model/policy.js';
import { API_ALPHA, API_V1, API_V1BETA1, type SemanticsChoice } from '../model/semantics.js';
import type { ServiceAccount, Snapshot } from '../model/snapshot.js';
import { applyLegacySemantics } from './apply-legacy-semantics.js';
import { chooseSemantics } from './choose-semantics.js';
import { buildSnapshot, type LoadedObjects } from './build-snapshot.js';
import { readAdminPolicy } from './kinds/admin-policy.js';
import { CalicoCollector, isCalicoObject, isStagedCalicoPolicy } from './kinds/calico-objects.js';
import { CiliumPolicies, isCiliumPolicy } from './kinds/cilium-policies.js';
import { readAlphaNetworkPolicy } from './kinds/alpha-network-policy.js';
import { readNamespace } from './kinds/namespace.js';
import { readNetworkPolicy } from './kinds/network-policy.js';
import { readPod } from './kinds/pod.js';
import { readService } from './kinds/service.js';
import { readServiceAccount } from './kinds/service-account.js';
import { readEndpointSlice } from './kinds/endpoint-slice.js';
import type { EndpointSlice } from '../model/endpoint-slice.js';
import { markUnknownServiceAccounts } from './calico-service-accounts.js';
import { resolveCalicoServices } from './resolve-calico-services.js';
import { markUnknownIpFamilies } from './calico-ip-families.js';
import { readUnmodelled } from './kinds/unmodelled.js';
import { readWorkload, TEMPLATE_PATHS } from './kinds/workload.js';
import type { UnmodelledObject } from '../model/unmodelled.js';
import type { Progress } from '../model/progress.js';
import { ObjectReader } from './object-reader.js';
import { NotStrictJson, streamDocuments, streamListFile, type DocumentStream, type ListItems, type SkipItem } from './parse-documents.js';
import { listFileOf, readInputs, STDIN, type InputText, type ReadOptions } from './read-inputs.js';

export interface LoadResult {
  /** What the engine analyses: under legacy semantics, the policies as v1 equivalents. */
  snapshot: Snapshot;
  /** The policies as written (the same object as `snapshot` under v1 semantics). */
  declared: Snapshot;
  diagnostics: Diagnostic[];
  /** Number of files read. */
  files: number;
  /** The files read (paths as given or found in folders; not stdin), when read from paths. */
  inputFiles?: string[];
  /** Set (to it) when some namespaced object named no namespace and took the default one (`-n`): the load depends on it. */
  defaultNamespaceUsed?: string;
  /** With `podNamespaces`: how many pods, workloads and NetworkPolicies of other namespaces were not read (nor checked). */
  unread?: number;
}

/** Kinds that live outside namespaces: naming none does not make them take `-n`. */
const CLUSTER_SCOPED = new Set(['Namespace', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy', 'GlobalNetworkPolicy', 'GlobalNetworkSet', 'Tier', 'CiliumClusterwideNetworkPolicy', 'StagedGlobalNetworkPolicy']);

export interface LoadOptions {
  /** `auto` (default): detected from the snapshot (see load/choose-semantics.ts). */
  semantics?: SemanticsChoice;
  /**
   * 'refuse' (default): an object whose name the API server refuses is left out, as the cluster
   * never stored it. 'warn': such names only warn (for test corpora written for tools that do
   * not check names).
   */
  names?: 'refuse' | 'warn';
  /** `-n NS` with kubectl's meaning: the namespace of namespaced objects that name none (default: default). */
  defaultNamespace?: string;
  /** Told how many objects were read, every few thousand. */
  progress?: Progress;
  /** Keep containers' env values, args and commands on the pods (`generate --references`). */
  containerText?: boolean;
  /**
   * In big JSON lists (a `kubectl get -o json` dump of 1 MiB or more, read from a file), read
   * only the pods, workloads (Deployments, ReplicaSets, …) and NetworkPolicies of these
   * namespaces: what a question about them needs (`can`, `verify`; query/question-namespaces.ts;
   * a NetworkPolicy selects pods of its own namespace, and its peers are matched against the
   * pair's). NetworkPolicies with an ipBlock are read wherever they are: the address ranges
   * written anywhere cut the outside addresses. Those elsewhere in such a list are neither
   * decoded nor checked (their diagnostics are not made). Where the snapshot needs every pod
   * (Calico's policies, marked by the service accounts and address families of all pods;
   * legacy semantics), everything is read again.
   */
  podNamespaces?: ReadonlySet<string>;
}

/** Turns texts into a snapshot. Never throws on bad input: problems are diagnostics. */
export function loadTexts(inputs: readonly InputText[], options: LoadOptions = {}): LoadResult {
  const result = loadTextsAnyhow(inputs, options);
  if (result.unread && (result.snapshot.calico || result.snapshot.semantics?.mode === 'legacy')) {
    const { podNamespaces: _, ...all } = options;
    return loadTextsAnyhow(inputs, all);
  }
  return result;
}

function loadTextsAnyhow(inputs: readonly InputText[], options: LoadOptions): LoadResult {
  try {
    return loadTextsOnce(inputs, options, 'auto');
  } catch (e) {
    // A big JSON list with an item that is not strict JSON: read again, each text parsed whole.
    if (!(e instanceof NotStrictJson)) throw e;
    return loadTextsOnce(inputs, options, 'whole');
  }
}

function loadTextsOnce(inputs: readonly InputText[], options: LoadOptions, listItems: ListItems): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const objects: LoadedObjects = { namespaces: [], pods: [], workloads: [], policies: [], services: [], adminPolicies: [] };
  /** Policies are read once every namespace is known: how to read them depends on the semantics. */
  const policyReaders: ObjectReader[] = [];
  const unmodelled: UnmodelledObject[] = [];
  const cilium = new CiliumPolicies();
  const calico = new CalicoCollector();
  const endpointSlices: EndpointSlice[] = [];
  /** By namespace/name: a ServiceAccount given twice is the later one. */
  const serviceAccounts = new Map<string, ServiceAccount>();
  let read = 0;
  let found = 0;
  let defaultNamespaceUsed = false;
  let unread = 0;
  const scope = options.podNamespaces;
  const defaultNamespace = options.defaultNamespace ?? 'default';
  /** networking.k8s.io/v1 policies left unread: still counted where the semantics are chosen. */
  let unreadPolicies = 0;
  const skip: SkipItem | undefined = scope
    ? (kind, apiVersion, namespace, ipBlockFree) => {
        const policy = kind === 'NetworkPolicy' && apiVersion === API_V1 && ipBlockFree;
        if ((!policy && !isPodMaker(kind, apiVersion)) || scope.has(namespace || defaultNamespace)) return false;
        if (!namespace) defaultNamespaceUsed = true;
        if (policy) unreadPolicies++;
        unread++;
        return true;
      }
    : undefined;
  for (const input of inputs) {
    // Not `{ file, text }`: the text of a list read from its file is read only if asked for.
    const { file } = input;
    const list = listItems === 'whole' ? undefined : listFileOf(input);
    let parsed: DocumentStream | undefined = list && streamListFile(file, list, skip ? { skip } : {});
    // Pods out of scope are left out of big JSON lists only, where reading them is what costs.
    const skipHere = parsed ? skip : undefined;
    if (!parsed) {
      let text: string;
      try {
        text = input.text;
      } catch (e) {
        // A list read from its file, read again as text: it may have gone since.
        diagnostics.push({ severity: 'error', code: 'unreadable-input', message: `cannot read file again: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, source: { file, doc: 0, line: 0, col: 0 } });
        continue;
      }
      parsed = streamDocuments(file, text, { listItems });
    }
    found += parsed.count;
    // The file's own diagnostics (complete once its objects are taken) go before those of its objects.
    const fileDiagnosticsAt = diagnostics.length;
    for (const raw of parsed.objects) {
      if (options.progress && ++read % 4096 === 0) options.progress('reading manifests', read, found);
      const r = new ObjectReader(raw, diagnostics, options.names ?? 'refuse', defaultNamespace, options.containerText === true);
      if (!r.namespaceGiven && !CLUSTER_SCOPED.has(raw.kind)) defaultNamespaceUsed = true;
      // What a big list's reader did not skip unparsed (its identity was out of the ordinary), or another format's pod.
      if (skipHere?.(raw.kind, raw.apiVersion, r.namespaceGiven ? r.namespace : undefined, false)) continue;
      // Kinds of plugins and operators (some share names with built-in kinds: Calico's NetworkPolicy).
      if (isCiliumPolicy(raw)) {
        cilium.read(r);
        continue;
      }
      if (isCalicoObject(raw)) {
        calico.read(r);
        continue;
      }
      if (isStagedCalicoPolicy(raw)) {
        // Staged policies preview a change: Calico reports what they would do and enforces nothing.
        r.report('info', [], 'calico-staged-policy', `${raw.kind} ${r.name || '<unnamed>'} is a staged Calico policy: Calico does not enforce it (it previews a change), so it is left out of the analysis`);
        continue;
      }
      if (raw.apiVersion.includes('.')) {
        const u = readUnmodelled(r);
        if (u) {
          unmodelled.push(u);
          continue;
        }
      }
      switch (raw.kind) {
        case 'Namespace': {
          const ns = readNamespace(r);
          if (ns) objects.namespaces.push(ns);
          break;
        }
        case 'Pod': {
          const pod = readPod(r);
          if (pod) objects.pods.push(pod);
          break;
        }
        case 'Service': {
          const svc = readService(r);
          if (svc) objects.services.push(svc);
          break;
        }
        case 'EndpointSlice': {
          const slice = raw.apiVersion === 'discovery.k8s.io/v1' ? readEndpointSlice(r) : undefined;
          if (slice) endpointSlices.push(slice);
          break;
        }
        case 'ServiceAccount': {
          const sa = raw.apiVersion === 'v1' ? readServiceAccount(r) : undefined;
          if (sa) serviceAccounts.set(`${sa.namespace}/${sa.name}`, sa);
          break;
        }
        case 'NetworkPolicy':
          policyReaders.push(r);
          break;
        case 'AdminNetworkPolicy':
        case 'BaselineAdminNetworkPolicy':
        case 'ClusterNetworkPolicy': {
          const admin = readAdminPolicy(r);
          if (admin) objects.adminPolicies!.push(admin);
          break;
        }
        default:
          if (TEMPLATE_PATHS[raw.kind]) {
            const w = readWorkload(r);
            if (w) objects.workloads.push(w);
          }
        // Other kinds (ConfigMap, RBAC, …) do not change connectivity.
      }
    }
    if (parsed.diagnostics.length > 0) {
      const after = diagnostics.splice(fileDiagnosticsAt);
      for (const d of parsed.diagnostics) diagnostics.push(d);
      for (const d of after) diagnostics.push(d);
    }
  }
  const semantics = chooseSemantics(options.semantics ?? 'auto', objects.namespaces, [...policyReaders.map((r) => r.raw.apiVersion), ...Array<string>(unreadPolicies).fill(API_V1)], diagnostics);
  for (const r of policyReaders) {
    const policy = readPolicy(r, semantics.mode === 'legacy');
    if (policy) objects.policies.push(policy);
  }
  cilium.resolveServices(objects.services, endpointSlices, diagnostics);
  unmodelled.push(...cilium.unmodelled());
  let ciliumPolicies = cilium.policies(objects.adminPolicies ?? [], diagnostics);
  const calicoObjectsRead = calico.objects(diagnostics);
  const calicoRead = calicoObjectsRead && resolveCalicoServices(calicoObjectsRead, objects.services, endpointSlices, diagnostics);
  const calicoAt = unmodelled.length;
  if (calicoRead && ciliumPolicies.length) {
    // One network plugin enforces a cluster's policies: with both, the Cilium ones are left out (undetermined).
    diagnostics.push({ severity: 'warning', code: 'calico-with-cilium', message: 'the snapshot has both Calico and Cilium policies; one plugin enforces them: Calico\'s are evaluated, and answers for the pods Cilium\'s may select are undetermined', source: ciliumPolicies[0]!.source });
    for (const p of ciliumPolicies) unmodelled.push({ kind: p.kind, apiVersion: p.apiVersion, name: p.name, ...(p.namespace !== undefined ? { namespace: p.namespace } : {}), effect: 'policy', owner: 'Cilium', source: p.source });
    ciliumPolicies = [];
  }
  const built = buildSnapshot(objects, diagnostics);
  const accounts = [...serviceAccounts.values()];
  const calicoObjects = calicoRead && markUnknownIpFamilies(markUnknownServiceAccounts(calicoRead, built.pods, accounts, diagnostics), built.pods, diagnostics);
  unmodelled.splice(calicoAt, 0, ...calico.unmodelled(calicoObjects));
  const declared: Snapshot = {
    ...built,
    ...(accounts.length ? { serviceAccounts: accounts } : {}),
    ...(endpointSlices.length ? { endpointSlices } : {}),
    semantics,
    ...(unmodelled.length ? { unmodelled } : {}),
    ...(ciliumPolicies.length ? { ciliumPolicies } : {}),
    ...(calicoObjects ? { calico: calicoObjects } : {}),
  };
  const snapshot = semantics.mode === 'legacy' ? applyLegacySemantics(declared, diagnostics) : declared;
  return { snapshot, declared, diagnostics, files: inputs.length, ...(defaultNamespaceUsed ? { defaultNamespaceUsed: defaultNamespace } : {}), ...(scope ? { unread } : {}) };
}

/**
 * Pods and the workloads that stand for or own them (read by readPod and readWorkload, never as
 * an operator's object): what `podNamespaces` leaves unread elsewhere. A pod's owner, and a
 * workload's pods, are in its own namespace.
 */
const isPodMaker = (kind: string | undefined, apiVersion: string): boolean => (kind === 'Pod' && apiVersion === 'v1') || (kind !== undefined && TEMPLATE_PATHS[kind] !== undefined && !apiVersion.includes('.'));

function readPolicy(r: ObjectReader, legacy: boolean): NetworkPolicy | undefined {
  const apiVersion = r.raw.apiVersion;
  if (apiVersion === API_V1) return readNetworkPolicy(r);
  if (apiVersion === API_V1BETA1) {
    r.report('warning', ['apiVersion'], 'deprecated-api-version', `${API_V1BETA1} NetworkPolicy was removed in Kubernetes 1.16; analysed with ${legacy ? 'legacy' : 'networking.k8s.io/v1'} semantics (netpol-check migrate writes the v1 form)`);
    return readNetworkPolicy(r, { lowerCaseProtocols: legacy });
  }
  if (apiVersion === API_ALPHA) {
    if (!legacy) {
      r.report('warning', ['apiVersion'], 'deprecated-api-version', `${API_ALPHA} policies only existed on Kubernetes 1.2 (a ThirdPartyResource); left out under networking.k8s.io/v1 semantics (--semantics legacy reads them)`);
      return undefined;
    }
    r.report('warning', ['apiVersion'], 'deprecated-api-version', `${API_ALPHA} (Kubernetes 1.2) analysed with legacy semantics; netpol-check migrate writes the v1 form`);
    return readAlphaNetworkPolicy(r);
  }
  r.report('error', ['apiVersion'], 'unsupported-api-version', `NetworkPolicy apiVersion "${apiVersion}" is not one of ${API_V1}, ${API_V1BETA1}, ${API_ALPHA}; policy left out of the analysis`);
  return undefined;
}

/** Reads files, folders and stdin and loads them as one snapshot. */
export function loadSnapshot(paths: readonly string[], options: ReadOptions & LoadOptions = {}): LoadResult {
  const read = readInputs(paths, options);
  const result = loadTexts(read.inputs, options);
  return { ...result, diagnostics: [...read.diagnostics, ...result.diagnostics], inputFiles: read.inputs.map((i) => i.file).filter((f) => f !== STDIN) };
}
