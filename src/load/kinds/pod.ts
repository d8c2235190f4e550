import type { Labels, SourceRef } from '../../model/index.js';
import { isRecord, type ObjectReader } from '../object-reader.js';
import { readOwnerRefs, readPodSpec, type OwnerRef, type PodSpecFacts } from './pod-spec.js';
import { prepareForCreate, validatePodMetadata, MAX_GENERATED_NAME_LENGTH } from '../validation/index.js';
import { reportApiValidation } from './network-policy.js';
import { typedObjectMeta } from './object-meta-typed.js';

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * A dump repeats the same annotation keys on thousands of pods. Once a pod's metadata passed the
 * API server's rules, the annotation keys it had are known to be valid: a later pod whose
 * metadata holds only name, namespace (both checked by checkName), labels (checked by
 * r.labels), known annotation keys of a modest total size and fields the rules do not look at,
 * needs no second look.
 */
const VALID_ANNOTATION_KEYS = new Set<string>();
const CHECKED_ELSEWHERE = new Set(['name', 'namespace', 'labels', 'annotations', 'uid', 'resourceVersion', 'creationTimestamp', 'ownerReferences', 'managedFields', 'selfLink']);

function alreadyValid(meta: unknown): boolean {
  if (!isRecord(meta)) return false;
  for (const k in meta) if (!CHECKED_ELSEWHERE.has(k)) return false;
  const annotations = meta.annotations;
  if (annotations === undefined || annotations === null) return true;
  if (!isRecord(annotations)) return false;
  let size = 0;
  for (const k in annotations) {
    const v = annotations[k];
    if (!VALID_ANNOTATION_KEYS.has(k) || (typeof v !== 'string' && v !== null)) return false;
    size += k.length + (typeof v === 'string' ? v.length : 0);
  }
  return size < 64 * 1024; // far below the 256 KiB limit, even counted in UTF-8 bytes
}

function remember(meta: unknown): void {
  if (!isRecord(meta) || !isRecord(meta.annotations) || VALID_ANNOTATION_KEYS.size > 10_000) return;
  for (const k in meta.annotations) VALID_ANNOTATION_KEYS.add(k);
}

/** generateName + a 5-character suffix from the API server's alphabet, fixed by the object's position (repeatable, distinct per object). */
function generatedName(base: string, r: ObjectReader): string {
  const at = r.at([]);
  let n = at.line * 31 + at.doc;
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += SUFFIX_ALPHABET[n % SUFFIX_ALPHABET.length];
    n = Math.floor(n / SUFFIX_ALPHABET.length);
  }
  return base.slice(0, MAX_GENERATED_NAME_LENGTH) + suffix;
}

export interface LoadedPod extends PodSpecFacts {
  name: string;
  namespace: string;
  labels: Labels;
  annotations: Labels;
  ips: string[];
  ownerRefs: OwnerRef[];
  source: SourceRef;
}

export function readPod(r: ObjectReader): LoadedPod | undefined {
  const errorsBefore = r.errors;
  let name = r.name;
  const metadata = r.raw.value.metadata;
  const generateName = isRecord(metadata) && metadata.generateName !== undefined ? r.string(['metadata', 'generateName']) : undefined;
  if (!name && generateName) {
    // The API server names it generateName + 5 random characters: a stand-in suffix here.
    name = generatedName(generateName, r);
    r.report('info', ['metadata', 'generateName'], 'generated-name', `Pod has only generateName; called ${name} here (the API server adds 5 random characters)`);
  }
  if (!name) {
    r.reportMissingName(' (nor generateName); skipped');
    return undefined;
  }
  if (name === r.name && !r.checkName()) return undefined;
  // Labels are checked key by key (with their positions) by r.labels; the rest by the API server's rules.
  const labels = r.labels(['metadata', 'labels']);
  if (name !== r.name || !alreadyValid(metadata)) {
    const { labels: _checkedAbove, ...meta } = typedObjectMeta(metadata);
    const errors = validatePodMetadata(prepareForCreate({ ...meta, name }, true, r.namespace));
    reportApiValidation(r, errors);
    if (errors.length === 0) remember(metadata);
  }
  if (r.errors > errorsBefore) {
    r.report('error', [], 'object-not-applied', `${r.objectName} has errors and is left out of the analysis (the API server would reject it)`);
    return undefined;
  }
  const ips = new Set<string>();
  const podIp = r.string(['status', 'podIP']);
  if (podIp) ips.add(podIp);
  const list = r.list(['status', 'podIPs']) ?? [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const ip = isRecord(item) && typeof item.ip === 'string' ? item.ip : r.string(['status', 'podIPs', i, 'ip']);
    if (ip) ips.add(ip);
  }
  const { ports, hostNetwork, serviceAccountName } = readPodSpec(r, ['spec']);
  return {
    name,
    namespace: r.namespace,
    labels,
    annotations: r.stringMap(['metadata', 'annotations']),
    ports,
    hostNetwork,
    serviceAccountName,
    ips: [...ips],
    ownerRefs: readOwnerRefs(r),
    source: r.at([]),
  };
}
