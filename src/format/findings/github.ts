import type { Finding } from '../../lint/rule.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: `::warning file=…,line=…,col=…,title=…::message`. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatFindingsGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const props = [
        f.source?.file ? `file=${escapeProperty(f.source.file)}` : '',
        f.source?.line ? `line=${f.source.line}` : '',
        f.source?.col ? `col=${f.source.col}` : '',
        `title=${escapeProperty(f.ruleId)}`,
      ].filter(Boolean);
      return `::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(`${f.object ? `${f.object}: ` : ''}${f.message}`)}\n`;
    })
    .join('');
}
