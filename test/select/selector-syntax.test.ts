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
