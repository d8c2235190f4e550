import type { Finding } from '../../lint/rule.js';
import { objectLabel } from '../../lint/object-label.js';
import { RULES } from '../../lint/registry.js';
import { REPOSITORY_URL, ruleHelpUri } from './rule-docs.js';
import { artifactLocation, SRCROOT, type SarifPaths } from './sarif-location.js';
import { SECURITY_SEVERITY } from './security-severity.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export type { SarifPaths } from './sarif-location.js';

/**
 * SARIF 2.1.0 with rule metadata (a helpUri to each rule's section of docs/rules.md, a
 * security-severity for the rules about open paths) and physical locations relative to the
 * repository root (`paths.root`), as GitHub code scanning reads it.
 */
export function formatFindingsSarif(findings: readonly Finding[], version: string, paths: SarifPaths = {}): string {
  const ruleIds = [...new Set([...RULES.map((r) => r.meta.id), ...findings.map((f) => f.ruleId)])];
  const meta = new Map<string, (typeof RULES)[number]['meta']>(RULES.map((r) => [r.meta.id, r.meta]));
  const rules = ruleIds.map((id) => {
    const m = meta.get(id);
    if (!m) return { id, shortDescription: { text: `Input problem: ${id}` }, defaultConfiguration: { level: 'error' } };
    const helpUri = ruleHelpUri(id, version);
    const severity = SECURITY_SEVERITY[id];
    return {
      id,
      shortDescription: { text: m.description },
      fullDescription: { text: m.rationale },
      helpUri,
      help: { text: `${m.rationale}\n\nFix: ${m.fix}\n\n${helpUri}`, markdown: `${m.rationale}\n\n**Fix:** ${m.fix}\n\n[${id} in the rule reference](${helpUri})` },
      defaultConfiguration: { level: LEVEL[m.severity] },
      properties: severity ? { tags: ['security', 'kubernetes', 'network-policy'], 'security-severity': severity } : { tags: ['kubernetes', 'network-policy'] },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'netpol-check', version, informationUri: REPOSITORY_URL, rules } },
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository the manifests were linted in' } } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIds.indexOf(f.ruleId),
          level: LEVEL[f.severity],
          message: { text: `${f.object ? `${objectLabel(f.object)}: ` : ''}${f.message}` },
          ...(f.source?.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: artifactLocation(f.source.file, paths),
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
