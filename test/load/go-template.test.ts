import { describe, expect, it } from 'vitest';
import { isGoTemplate } from '../../src/load/rendered-sources.js';

// A Helm chart's templates are Go text/template files (helm.sh/docs/chart_template_guide): actions
// start with "{{" or "{{-" followed by a pipeline (.Values…, $var, include, if, range, …).
describe('isGoTemplate', () => {
  it.each([
    ['name: {{ .Values.name }}', true],
    ['{{- include "x.labels" . | nindent 4 }}', true],
    ['{{- if .Values.enabled }}\nkind: NetworkPolicy\n{{- end }}', true],
    ['x: {{ $root := . }}', true],
    ['annotations:\n  doc: "{{ not a template"\nname: {{ .Release.Name }}', true], // a later action counts
    ['annotations:\n  doc: "{{ just braces }}"', false],
    ['{"metadata": {"name": "a"}}', false],
    ['', false],
    ['{{', false],
  ])('%j → %s', (text, expected) => {
    expect(isGoTemplate(text)).toBe(expected);
  });

  it('gives the same answer twice (the sticky expression keeps no state between calls)', () => {
    expect(isGoTemplate('a {{ .x }}')).toBe(true);
    expect(isGoTemplate('{{ .x }}')).toBe(true);
  });
});
