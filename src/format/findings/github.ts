import { escapeWorkflowData, escapeWorkflowProperty } from '../../text/escape/workflow-command.js';
import { objectLabel } from '../../lint/object-label.js';
import type { Finding } from '../../lint/rule.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands: `::warning file=…,line=…,col=…,title=…::message`, one per
 * line, every value escaped (escape/workflow-command.ts): no input can end a command early or
 * start another.
 */
export function formatFindingsGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const props = [
        f.source?.file ? `file=${escapeWorkflowProperty(f.source.file)}` : '',
        f.source?.line ? `line=${f.source.line}` : '',
        f.source?.col ? `col=${f.source.col}` : '',
        `title=${escapeWorkflowProperty(f.ruleId)}`,
      ].filter(Boolean);
      return `::${LEVEL[f.severity]} ${props.join(',')}::${escapeWorkflowData(`${f.object ? `${objectLabel(f.object)}: ` : ''}${f.message}`)}\n`;
    })
    .join('');
}
