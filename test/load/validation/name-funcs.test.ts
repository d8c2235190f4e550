import { describe, expect, it } from 'vitest';
import { maskTrailingDash, nameIsDnsLabel, nameIsDnsSubdomain, validateNamespaceName, validatePodName } from '../../../src/load/validation/name-funcs.js';

const G = 'apimachinery api/validation generic.go maskTrailingDash';

describe('maskTrailingDash (apimachinery v0.32 generic.go) — drops the last TWO characters', () => {
  it.each([
    { name: 'foo-', masked: 'foa', source: G },
    { name: 'a-', masked: 'a', source: G },
    { name: '-', masked: '-', source: `${G} (len ≤ 1: unchanged)` },
    { name: 'a.-', masked: 'aa', source: `${G} (the '.' before the dash is never checked)` },
    { name: 'a--', masked: 'aa', source: G },
    { name: 'foo', masked: 'foo', source: G },
    { name: 'é-', masked: 'éa', source: `${G} (Go keeps a partial byte: still not ASCII)` },
  ])('$name → $masked ($source)', ({ name, masked }) => {
    expect(maskTrailingDash(name)).toBe(masked);
  });
});

describe('name functions (apimachinery generic.go, core and networking validation.go)', () => {
  it.each([
    { fn: 'NameIsDNSSubdomain', f: nameIsDnsSubdomain, name: 'foo-', prefix: true, ok: true, source: 'objectmeta_test.go TestValidateObjectMetaTrimsTrailingSlash' },
    { fn: 'NameIsDNSSubdomain', f: nameIsDnsSubdomain, name: 'foo-', prefix: false, ok: false, source: 'generic.go: only a prefix may end in a dash' },
    { fn: 'NameIsDNSSubdomain', f: nameIsDnsSubdomain, name: 'a.-', prefix: true, ok: true, source: G },
    { fn: 'NameIsDNSLabel', f: nameIsDnsLabel, name: 'a.-', prefix: true, ok: true, source: `${G} (even a label accepts it: the dot is masked away)` },
    { fn: 'NameIsDNSLabel', f: nameIsDnsLabel, name: 'a.b-', prefix: true, ok: false, source: G },
    { fn: 'ValidatePodName', f: validatePodName, name: 'web.v1', prefix: false, ok: true, source: 'core validation.go ValidatePodName = NameIsDNSSubdomain' },
    { fn: 'ValidatePodName', f: validatePodName, name: 'a'.repeat(253), prefix: false, ok: true, source: 'core validation.go ValidatePodName = NameIsDNSSubdomain (253)' },
    { fn: 'ValidateNamespaceName', f: validateNamespaceName, name: 'web.v1', prefix: false, ok: false, source: 'generic.go ValidateNamespaceName = NameIsDNSLabel' },
    { fn: 'ValidateNamespaceName', f: validateNamespaceName, name: 'a'.repeat(64), prefix: false, ok: false, source: 'generic.go ValidateNamespaceName = NameIsDNSLabel (63)' },
  ])('$fn("$name", prefix=$prefix) ok=$ok ($source)', ({ f, name, prefix, ok }) => {
    expect(f(name, prefix).length === 0).toBe(ok);
  });
});
