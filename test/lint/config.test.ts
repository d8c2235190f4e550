import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/lint/config.js';
import { Glob } from '../../src/lint/glob.js';
import { runLint } from '../../src/lint/run-lint.js';
import { RULES } from '../../src/lint/registry.js';
import { loadTexts } from '../../src/load/load-snapshot.js';

const ids = RULES.map((r) => r.meta.id);

describe('.netpol-check.yaml', () => {
  it('reads rule levels, ignored paths and failOn', () => {
    const r = parseConfig('c.yaml', 'rules:\n  allow-all: off\n  unprotected-pods: warning\nignorePaths: [legacy/**]\nfailOn: error\n', ids);
    expect(r.problems).toEqual([]);
    expect(r.config).toEqual({ rules: { 'allow-all': 'off', 'unprotected-pods': 'warning' }, ignorePaths: ['legacy/**'], failOn: 'error' });
  });

  it.each([
    ['rules:\n  allow-all: loud\n', 2, /must be equal to one of the allowed values/],
    ['rules:\n  no-such-rule: off\n', 2, /unknown rule "no-such-rule"/],
    ['ignorePath: [x]\n', 1, /unknown setting "ignorePath"/],
    ['failOn: never\n', 1, /allowed values/],
    ['rules: [\n', 1, /invalid YAML/], // go-yaml: "line 3" of the wrapped text, the config's line 1
  ])('%j is an error with its line', (text, line, message) => {
    const r = parseConfig('c.yaml', text, ids);
    expect(r.problems[0]).toMatchObject({ severity: 'error', source: { file: 'c.yaml', line } });
    expect(r.problems[0]!.message).toMatch(message);
  });

  it.each([
    ['legacy/**', 'legacy/a/b.yaml', true],
    ['legacy/**', 'repo/legacy/x.yaml', true],
    ['legacy/**', 'legacyx/x.yaml', false],
    ['*.json', 'dir/x.json', true],
    ['*.json', 'x.yaml', false],
    ['examples/*/bad.yaml', 'examples/a/bad.yaml', true],
    ['examples/*/bad.yaml', 'examples/a/b/bad.yaml', false],
  ])('glob %s on %s: %s', (glob, path, match) => {
    expect(new Glob(glob).test(path)).toBe(match);
  });
});

describe('silencing and severities', () => {
  const yaml = (annotation: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: open
  namespace: shop
  annotations: {${annotation}}
spec:
  podSelector: {}
  ingress:
  - {}
`;
  const lint = (text: string, options = {}) => {
    const { snapshot, diagnostics } = loadTexts([{ file: 'legacy/p.yaml', text }]);
    return runLint(snapshot, diagnostics, options).map((f) => `${f.ruleId}:${f.severity}`);
  };

  it('the ignore annotation silences the named rules on that object', () => {
    expect(lint(yaml('owner: me'))).toEqual(['allow-all:info']);
    expect(lint(yaml('netpol-check.io/ignore: allow-all'))).toEqual([]);
    expect(lint(yaml('netpol-check.io/ignore: "*"'))).toEqual([]);
    expect(lint(yaml('netpol-check.io/ignore: redundant-rule'))).toEqual(['allow-all:info']);
  });

  it('config levels change severities, off and ignorePaths drop findings', () => {
    expect(lint(yaml(''), { config: { rules: { 'allow-all': 'error' }, ignorePaths: [] } })).toEqual(['allow-all:error']);
    expect(lint(yaml(''), { config: { rules: { 'allow-all': 'off' }, ignorePaths: [] } })).toEqual([]);
    expect(lint(yaml(''), { config: { rules: {}, ignorePaths: ['legacy/**'] } })).toEqual([]);
  });
});
