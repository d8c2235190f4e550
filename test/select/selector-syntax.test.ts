import { describe, expect, it } from 'vitest';
import { matchesSelector } from '../../src/select/label-selector.js';
import { parseSelector } from '../../src/select/selector-syntax.js';

describe('kubectl -l syntax', () => {
  const labels = { app: 'web', tier: 'fe', track: 'stable' };
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['app!=db', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app in (web,db)', true],
    ['app notin (web,db)', false],
    ['track', true],
    ['!track', false],
    ['!canary', true],
    ['app=web,tier=fe,track in (stable)', true],
    ['app=web,tier=be', false],
    ['example.com/team=a', false],
  ])('%s → %s', (text, expected) => {
    const s = parseSelector(text);
    expect(s.ok).toBe(true);
    if (s.ok) expect(matchesSelector(s.selector, labels)).toBe(expected);
  });

  it.each(['', 'app=a b', '=web', 'app in web', '-bad-=x'])('%j is an error', (text) => {
    expect(parseSelector(text).ok).toBe(false);
  });
});

describe('kubectl -l syntax, edges', () => {
  it.each(['app=web-', '-app=web', 'a/b/c=x', 'app in (a, b-)', 'app=web!', '!-x', 'app notin (a,-b)', 'x/=y'])('%j is refused', (text) => {
    expect(parseSelector(text).ok).toBe(false);
  });

  it.each(['app=', 'example.com/team=a', 'a.b_c-d=E.f_g-h', 'app in (a)', '!example.com/legacy'])('%j is accepted', (text) => {
    expect(parseSelector(text).ok).toBe(true);
  });

  it('a key given twice must match both values (nothing matches both)', () => {
    const s = parseSelector('app=a,app=b');
    expect(s.ok && matchesSelector(s.selector, { app: 'a' })).toBe(false);
    expect(s.ok && matchesSelector(s.selector, { app: 'b' })).toBe(false);
    const same = parseSelector('app=a,app==a');
    expect(same.ok && same.selector).toEqual({ matchLabels: { app: 'a' }, matchExpressions: [] });
  });

  it('reasons name the offending part', () => {
    expect(parseSelector('app=a b')).toEqual({ ok: false, reason: expect.stringContaining('"app=a b"') });
    expect(parseSelector('-x=y')).toEqual({ ok: false, reason: '"-x" is not a valid label key' });
    expect(parseSelector('x=-y')).toEqual({ ok: false, reason: '"-y" is not a valid label value' });
    expect(parseSelector('k in (a,-b)')).toEqual({ ok: false, reason: '"-b" is not a valid label value' });
    expect(parseSelector('-k in (a)')).toEqual({ ok: false, reason: '"-k" is not a valid label key' });
    expect(parseSelector('!-k')).toEqual({ ok: false, reason: '"-k" is not a valid label key' });
  });
});
