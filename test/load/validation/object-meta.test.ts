import { describe, expect, it } from 'vitest';
import { formatFieldError, formatFieldPath, type FieldError } from '../../../src/load/validation/field-error.js';
import { nameIsDnsSubdomain, type ValidateNameFunc } from '../../../src/load/validation/name-funcs.js';
import { validateObjectMeta, type ObjectMetaInput } from '../../../src/load/validation/object-meta.js';

const OM = 'apimachinery api/validation objectmeta.go ValidateObjectMetaAccessor';
const OMT = 'apimachinery api/validation objectmeta_test.go';
const CORE = 'core validation.go ValidateObjectMeta (validateKubeFinalizerName)';
const brief = (errs: FieldError[]) => errs.map((e) => [formatFieldPath(e.path), e.type]);
const accept: ValidateNameFunc = () => [];

describe('ValidateObjectMeta (Kubernetes 1.32, core wrapper over apimachinery v0.32)', () => {
  it.each([
    { meta: { name: 'test', namespace: 'foo' }, namespaced: true, source: OM },
    { meta: { name: 'test' }, namespaced: false, source: OM },
    { meta: { name: 'test', generateName: 'foo-' }, namespaced: false, source: `${OMT} TestValidateObjectMetaTrimsTrailingSlash` },
    { meta: { name: 'a', namespace: 'n', finalizers: ['kubernetes', 'orphan', 'example.com/x'] }, namespaced: true, source: CORE },
    { meta: { name: 'a', namespace: 'n', generation: 0 }, namespaced: true, source: 'objectmeta.go ValidateNonnegativeField' },
  ] as { meta: ObjectMetaInput; namespaced: boolean; source: string }[])('valid: $meta ($source)', ({ meta, namespaced }) => {
    expect(validateObjectMeta(meta, { namespaced, nameFn: nameIsDnsSubdomain })).toEqual([]);
  });

  it.each([
    { meta: {}, namespaced: false, errors: [['metadata.name', 'Required']], message: 'name or generateName is required', source: OM },
    { meta: { generateName: 'foo-' }, namespaced: false, errors: [['metadata.name', 'Required']], message: 'name or generateName is required', source: `${OM} (generation is assumed done: see prepareForCreate)` },
    { meta: { name: 'Foo' }, namespaced: false, errors: [['metadata.name', 'Invalid']], message: 'a lowercase RFC 1123 subdomain', source: OM },
    { meta: { name: 'a', generateName: 'Foo-' }, namespaced: false, errors: [['metadata.generateName', 'Invalid']], message: 'a lowercase RFC 1123 subdomain', source: OM },
    { meta: { name: 'a' }, namespaced: true, errors: [['metadata.namespace', 'Required']], message: '', source: OM },
    { meta: { name: 'a', namespace: 'foo.bar' }, namespaced: true, errors: [['metadata.namespace', 'Invalid']], message: 'must not contain dots', source: `${OMT} TestValidateObjectMetaNamespaces` },
    { meta: { name: 'a', namespace: `A${'b'.repeat(63)}` }, namespaced: true, errors: [['metadata.namespace', 'Invalid'], ['metadata.namespace', 'Invalid']], message: 'must be no more than 63 characters', source: `${OMT} TestValidateObjectMetaNamespaces (64 random letters: 2 errors)` },
    { meta: { name: 'a', namespace: 'x' }, namespaced: false, errors: [['metadata.namespace', 'Forbidden']], message: 'not allowed on this type', source: OM },
    { meta: { name: 'a', generation: -1 }, namespaced: false, errors: [['metadata.generation', 'Invalid']], message: 'must be greater than or equal to 0', source: 'objectmeta.go ValidateNonnegativeField' },
    { meta: { name: 'a', labels: { '-x': 'y' } }, namespaced: false, errors: [['metadata.labels', 'Invalid']], message: 'name part must consist of', source: 'meta/v1 validation.go ValidateLabels' },
    { meta: { name: 'a', annotations: { 'a/b/c': '' } }, namespaced: false, errors: [['metadata.annotations', 'Invalid']], message: 'a qualified name', source: 'objectmeta.go ValidateAnnotations' },
    { meta: { name: 'a', finalizers: ['orphan', 'foregroundDeletion'] }, namespaced: false, errors: [['metadata.finalizers', 'Invalid']], message: 'finalizer orphan and foregroundDeletion cannot be both set', source: `${OMT} TestValidateFinalizersPreventConflictingFinalizers` },
    { meta: { name: 'a', finalizers: ['custom'] }, namespaced: false, errors: [['metadata.finalizers[0]', 'Invalid']], message: 'name is neither a standard finalizer name nor is it fully qualified', source: CORE },
    { meta: { name: 'a', finalizers: ['-bad'] }, namespaced: false, errors: [['metadata.finalizers', 'Invalid'], ['metadata.finalizers[0]', 'Invalid']], message: 'name part must consist of', source: `objectmeta.go ValidateFinalizers (no index) + ${CORE} (index)` },
  ] as { meta: ObjectMetaInput; namespaced: boolean; errors: string[][]; message: string; source: string }[])('invalid: $errors ($source)', ({ meta, namespaced, errors, message }) => {
    const errs = validateObjectMeta(meta, { namespaced, nameFn: nameIsDnsSubdomain });
    expect(brief(errs)).toEqual(errors);
    expect(errs[0]!.message).toContain(message);
  });

  it('uses the given name function for name and generateName (objectmeta_test.go TestValidateObjectMetaCustomName)', () => {
    const fn: ValidateNameFunc = (s) => (s === 'test' ? [] : ['name-gen']);
    const errs = validateObjectMeta({ name: 'test', generateName: 'foo' }, { namespaced: false, nameFn: fn }, ['field']);
    expect(errs).toHaveLength(1);
    expect(formatFieldError(errs[0]!)).toBe('field.generateName: Invalid value: "foo": name-gen');
  });

  it('reports in Go order: generateName, name, namespace, generation, labels, annotations, finalizers', () => {
    const errs = validateObjectMeta(
      { generateName: '-', name: '-', namespace: '-', generation: -1, labels: { '-': '-' }, annotations: { '-': '', '+': '' }, finalizers: ['x'] },
      { namespaced: true, nameFn: accept },
    );
    expect(brief(errs).map((e) => e[0])).toEqual([
      'metadata.namespace', 'metadata.generation', 'metadata.labels', 'metadata.labels', 'metadata.annotations', 'metadata.annotations', 'metadata.finalizers[0]',
    ]);
  });

  it('formats a Required namespace as Go does', () => {
    const [e] = validateObjectMeta({ name: 'a' }, { namespaced: true, nameFn: accept });
    expect(formatFieldError(e!)).toBe('metadata.namespace: Required value');
  });
});
