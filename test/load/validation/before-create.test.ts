import { describe, expect, it } from 'vitest';
import { generateNameFrom, prepareForCreate } from '../../../src/load/validation/before-create.js';
import { nameIsDnsSubdomain } from '../../../src/load/validation/name-funcs.js';
import { validateObjectMeta } from '../../../src/load/validation/object-meta.js';

const BC = 'apiserver registry/rest create.go BeforeCreate';
const GEN = 'apiserver storage/names generate.go SimpleNameGenerator';

describe('prepareForCreate (apiserver 1.32 BeforeCreate)', () => {
  it.each([
    { meta: { name: 'n', namespace: 'x' }, namespaced: false, out: { name: 'n' }, source: `${BC}: cluster-scoped kinds lose their namespace` },
    { meta: { name: 'n' }, namespaced: true, out: { name: 'n', namespace: 'default' }, source: `${BC}: ValidNamespace fills the request namespace` },
    { meta: { name: 'n', namespace: 'prod' }, namespaced: true, out: { name: 'n', namespace: 'prod' }, source: BC },
    { meta: { generateName: 'web-' }, namespaced: false, out: { generateName: 'web-', name: 'web-xxxxx' }, source: `${BC} + ${GEN}` },
    { meta: { name: 'keep', generateName: 'web-' }, namespaced: false, out: { name: 'keep', generateName: 'web-' }, source: `${BC}: only an empty name is generated` },
  ])('$meta → $out ($source)', ({ meta, namespaced, out }) => {
    expect(prepareForCreate(meta, namespaced)).toEqual(out);
  });

  it(`cuts the base to 58 characters (${GEN} MaxGeneratedNameLength)`, () => {
    expect(generateNameFrom('a'.repeat(70))).toBe(`${'a'.repeat(58)}xxxxx`);
  });

  it('generateName "a.-" passes the prefix check (maskTrailingDash) but the generated name does not', () => {
    const meta = prepareForCreate({ generateName: 'a.-' }, false);
    const errs = validateObjectMeta(meta, { namespaced: false, nameFn: nameIsDnsSubdomain });
    expect(errs.map((e) => e.path.join('.'))).toEqual(['metadata.name']);
  });
});
