import type { Finding } from '../../lint/rule.js';
import { API_V1, type SemanticsName } from '../../model/semantics.js';

/** `{format, version, findings: [{rule, messageId, severity, message, object, file, line, column, field}]}` */
export function formatFindingsJson(findings: readonly Finding[], semantics: SemanticsName = API_V1): string {
  return `${JSON.stringify(
    {
      format: 'netpol-check/lint',
      version: 1,
      semantics,
      findings: findings.map((f) => ({
        rule: f.ruleId,
        messageId: f.messageId,
        severity: f.severity,
        message: f.message,
        object: f.object ?? null,
        file: f.source?.file ?? null,
        line: f.source?.line || null,
        column: f.source?.col || null,
        field: f.source?.field ?? null,
      })),
    },
    null,
    2,
  )}\n`;
}
