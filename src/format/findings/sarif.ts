import type { Finding } from '../../lint/rule.js';
import { RULES } from '../../lint/registry.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A relative URI reference for a path: each segment percent-encoded (spaces, `#`, `?`, controls). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const fileUri = (file: string): string =>
  file
    .replace(/\\/g, '/')
    .replace(LONE_SURROGATE, '\ufffd')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');

/** SARIF 2.1.0 with rule metadata and physical locations, as GitHub code scanning reads it. */
export function formatFindingsSarif(findings: readonly Finding[], version: string): string {
  const ruleIds = [...new Set([...RULES.map((r) => r.meta.id), ...findings.map((f) => f.ruleId)])];
  const meta = new Map<string, (typeof RULES)[number]['meta']>(RULES.map((r) => [r.meta.id, r.meta]));
  const rules = ruleIds.map((id) => {
    const m = meta.get(id);
    return m
      ? { id, shortDescription: { text: m.description }, fullDescription: { text: m.rationale }, help: { text: `${m.rationale}\n\nFix: ${m.fix}` }, defaultConfiguration: { level: LEVEL[m.severity] } }
      : { id, shortDescription: { text: `Input problem: ${id}` }, defaultConfiguration: { level: 'error' } };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'netpol-check', version, informationUri: 'https://github.com/netpol-check/netpol-check', rules } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIds.indexOf(f.ruleId),
          level: LEVEL[f.severity],
          message: { text: `${f.object ? `${f.object}: ` : ''}${f.message}` },
          ...(f.source?.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: fileUri(f.source.file) },
                      ...(f.source.line ? { region: { startLine: f.source.line, ...(f.source.col ? { startColumn: f.source.col } : {}) } } : {}),
                    },
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
