import type { Diagnostic } from '../model/diagnostic.js';
import type { Snapshot } from '../model/snapshot.js';
import { buildSnapshot, type LoadedObjects } from './build-snapshot.js';
import { readNamespace } from './kinds/namespace.js';
import { readNetworkPolicy, V1 } from './kinds/network-policy.js';
import { readPod } from './kinds/pod.js';
import { readService } from './kinds/service.js';
import { readWorkload, TEMPLATE_PATHS } from './kinds/workload.js';
import { ObjectReader } from './object-reader.js';
import { parseDocuments } from './parse-documents.js';
import { readInputs, type InputText, type ReadOptions } from './read-inputs.js';

export interface LoadResult {
  snapshot: Snapshot;
  diagnostics: Diagnostic[];
  /** Number of files read. */
  files: number;
}

/** Turns texts into a snapshot. Never throws on bad input: problems are diagnostics. */
export function loadTexts(inputs: readonly InputText[]): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const objects: LoadedObjects = { namespaces: [], pods: [], workloads: [], policies: [], services: [] };
  for (const { file, text } of inputs) {
    const parsed = parseDocuments(file, text);
    diagnostics.push(...parsed.diagnostics);
    for (const raw of parsed.objects) {
      const r = new ObjectReader(raw, diagnostics);
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
        case 'NetworkPolicy': {
          if (raw.apiVersion !== V1) {
            r.report('error', ['apiVersion'], 'unsupported-api-version', `NetworkPolicy apiVersion "${raw.apiVersion}" is not supported yet (only ${V1}); policy left out of the analysis`);
            break;
          }
          const policy = readNetworkPolicy(r);
          if (policy) objects.policies.push(policy);
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
  }
  const snapshot = buildSnapshot(objects, diagnostics);
  return { snapshot, diagnostics, files: inputs.length };
}

/** Reads files, folders and stdin and loads them as one snapshot. */
export function loadSnapshot(paths: readonly string[], options: ReadOptions = {}): LoadResult {
  const read = readInputs(paths, options);
  const result = loadTexts(read.inputs);
  return { ...result, diagnostics: [...read.diagnostics, ...result.diagnostics] };
}
