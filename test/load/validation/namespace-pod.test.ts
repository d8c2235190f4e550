import { describe, expect, it } from 'vitest';
import { formatFieldPath, type FieldError } from '../../../src/load/validation/field-error.js';
import { validateNamespace, type NamespaceInput } from '../../../src/load/validation/namespace.js';
import type { ObjectMetaInput } from '../../../src/load/validation/object-meta.js';
import { validatePodMetadata } from '../../../src/load/validation/pod.js';

const NS = 'core validation.go ValidateNamespace';
const POD = 'core validation.go ValidatePodName / ValidateObjectMeta(pod, true)';
const brief = (errs: FieldError[]) => errs.map((e) => [formatFieldPath(e.path), e.type]);

describe('ValidateNamespace (Kubernetes 1.32)', () => {
  it.each([
    { ns: { metadata: { name: 'default' } }, errors: [], source: NS },
    { ns: { metadata: { name: 'a'.repeat(63) } }, errors: [], source: `${NS} (63)` },
    { ns: { metadata: { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } }, spec: { finalizers: ['kubernetes'] } }, errors: [], source: NS },
    { ns: { metadata: { name: 'a'.repeat(64) } }, errors: [['metadata.name', 'Invalid']], source: `${NS} (DNS-1123 label: 64)` },
    { ns: { metadata: { name: 'team.a' } }, errors: [['metadata.name', 'Invalid']], source: `${NS} (no dots)` },
    { ns: { metadata: { name: 'Team' } }, errors: [['metadata.name', 'Invalid']], source: NS },
    { ns: { metadata: {} }, errors: [['metadata.name', 'Required']], source: NS },
    { ns: { metadata: { name: 'a', namespace: 'b' } }, errors: [['metadata.namespace', 'Forbidden']], source: `${NS} (cluster-scoped; the API server clears it first: prepareForCreate)` },
    { ns: { metadata: { name: 'a' }, spec: { finalizers: ['custom'] } }, errors: [['spec.finalizers', 'Invalid']], source: `${NS} validateFinalizerName (no index)` },
    { ns: { metadata: { name: 'a' }, spec: { finalizers: ['-x'] } }, errors: [['spec.finalizers', 'Invalid'], ['spec.finalizers', 'Invalid']], source: `${NS} validateFinalizerName: qualified name, then standard name` },
    { ns: { metadata: { name: 'a' }, spec: { finalizers: ['example.com/cleanup'] } }, errors: [], source: NS },
  ] as { ns: NamespaceInput; errors: string[][]; source: string }[])('$ns.metadata.name → $errors ($source)', ({ ns, errors }) => {
    expect(brief(validateNamespace(ns))).toEqual(errors);
  });
});

describe('Pod metadata (Kubernetes 1.32)', () => {
  it.each([
    { meta: { name: 'web-0', namespace: 'prod' }, errors: [], source: POD },
    { meta: { name: 'web.v1.0', namespace: 'prod' }, errors: [], source: `${POD} (DNS subdomain: dots allowed)` },
    { meta: { name: 'a'.repeat(253), namespace: 'prod' }, errors: [], source: `${POD} (253)` },
    { meta: { name: 'a'.repeat(254), namespace: 'prod' }, errors: [['metadata.name', 'Invalid']], source: `${POD} (254)` },
    { meta: { name: 'Web', namespace: 'prod' }, errors: [['metadata.name', 'Invalid']], source: POD },
    { meta: { name: 'web_0', namespace: 'prod' }, errors: [['metadata.name', 'Invalid']], source: POD },
    { meta: { name: 'web' }, errors: [['metadata.namespace', 'Required']], source: POD },
    { meta: { name: 'web', namespace: 'prod', labels: { app: 'web', 'app.kubernetes.io/Name': 'X_y.z' } }, errors: [], source: 'meta/v1 validation.go ValidateLabels (upper case allowed in name part and value)' },
    { meta: { name: 'web', namespace: 'prod', labels: { app: 'web server' } }, errors: [['metadata.labels', 'Invalid']], source: 'meta/v1 validation.go ValidateLabels' },
    { meta: { name: 'web', namespace: 'prod', labels: { 'App.Kubernetes.io/name': 'x' } }, errors: [['metadata.labels', 'Invalid']], source: 'validation.go IsQualifiedName (prefix must be lower case)' },
  ] as { meta: ObjectMetaInput; errors: string[][]; source: string }[])('$meta.name → $errors ($source)', ({ meta, errors }) => {
    expect(brief(validatePodMetadata(meta))).toEqual(errors);
  });
});
