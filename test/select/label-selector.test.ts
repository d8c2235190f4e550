import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../../src/model/labels.js';
import { EVERYTHING, formatSelector, isEmptySelector, matchesSelector, selectorYaml } from '../../src/select/label-selector.js';

const sel = (matchLabels: Record<string, string>, matchExpressions: LabelSelector['matchExpressions'] = []): LabelSelector => ({ matchLabels, matchExpressions });

describe('label selectors', () => {
  it('EVERYTHING and {} match any labels, including none', () => {
    expect(isEmptySelector(EVERYTHING)).toBe(true);
    expect(matchesSelector(EVERYTHING, {})).toBe(true);
    expect(matchesSelector(EVERYTHING, { a: 'b' })).toBe(true);
  });

  it.each([
    [sel({ a: 'b' }), false],
    [sel({}, [{ key: 'a', operator: 'Exists', values: [] }]), false],
    [sel({}), true],
  ])('isEmptySelector(%j) is %s', (s, empty) => {
    expect(isEmptySelector(s)).toBe(empty);
  });

  it('a label present with an empty value is present', () => {
    expect(matchesSelector(sel({ a: '' }), { a: '' })).toBe(true);
    expect(matchesSelector(sel({ a: '' }), {})).toBe(false);
    expect(matchesSelector(sel({}, [{ key: 'a', operator: 'Exists', values: [] }]), { a: '' })).toBe(true);
    expect(matchesSelector(sel({}, [{ key: 'a', operator: 'In', values: [''] }]), { a: '' })).toBe(true);
    expect(matchesSelector(sel({}, [{ key: 'a', operator: 'NotIn', values: [''] }]), {})).toBe(true);
  });

  it('inherited object properties are not labels', () => {
    expect(matchesSelector(sel({}, [{ key: 'toString', operator: 'Exists', values: [] }]), {})).toBe(false);
    expect(matchesSelector(sel({}, [{ key: 'constructor', operator: 'DoesNotExist', values: [] }]), {})).toBe(true);
  });

  it.each([
    [sel({}), '{}'],
    [sel({ app: 'web', tier: 'fe' }), 'app=web,tier=fe'],
    [sel({}, [{ key: 'a', operator: 'In', values: ['x', 'y'] }]), 'a in (x,y)'],
    [sel({}, [{ key: 'a', operator: 'NotIn', values: ['x'] }]), 'a notin (x)'],
    [sel({ app: 'web' }, [{ key: 'a', operator: 'Exists', values: [] }, { key: 'b', operator: 'DoesNotExist', values: [] }]), 'app=web,a,!b'],
  ])('formatSelector(%j) = %s', (s, text) => {
    expect(formatSelector(s)).toBe(text);
  });

  it.each([
    [sel({}), '{}'],
    [sel({ app: 'web', tier: 'fe' }), '{matchLabels: {app: web, tier: fe}}'],
    [sel({ app: 'web' }, [{ key: 'a', operator: 'In', values: ['x', 'y'] }, { key: 'b', operator: 'Exists', values: [] }]), '{matchLabels: {app: web}, matchExpressions: [{key: a, operator: In, values: [x, y]}, {key: b, operator: Exists}]}'],
  ])('selectorYaml(%j) = %s', (s, yaml) => {
    expect(selectorYaml(s)).toBe(yaml);
  });
});
