import type { Finding } from '../../lint/rule.js';
import { API_V1, type SemanticsName } from '../../model/semantics.js';
import { inputStatusJson } from '../input/input-status.js';
import type { InputStatus } from '../../load/input-status.js';

/** `{format, version, findings: [{rule, messageId, severity, message, object, file, line, column, field}]}` */
export function formatFindingsJson(findings: readonly Finding[], semantics: SemanticsName = API_V1, input: InputStatus = { complete: true, errors: [] }): string {
  return `${JSON.stringify(
    {
      format: 'netpol-check/lint',
      version: 1,
      semantics,
      ...inputStatusJson(input),
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
