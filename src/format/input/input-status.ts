import type { InputError, InputStatus, UnmodelledEntry } from '../../load/input-status.js';

const SHOWN = 5;

function where(e: InputError): string {
  return e.file ? `${e.file}${e.line ? `:${e.line}` : ''}` : '(input)';
}

/**
 * The line(s) a partial answer starts with in text formats; '' for a complete one. The errors
 * themselves are on stderr; this says, in the answer, that the answer does not stand on the
 * whole input.
 */
export function formatInputStatusText(status: InputStatus, prefix = ''): string {
  return formatErrors(status, prefix) + formatUnmodelled(status, prefix);
}

/** What the snapshot holds that netpol-check does not evaluate, said in the answer. */
function formatUnmodelled(status: InputStatus, prefix: string): string {
  const list = status.unmodelled ?? [];
  if (list.length === 0) return '';
  const lines = list.slice(0, SHOWN).map((u) => {
    const name = `${u.namespace !== undefined ? `${u.namespace}/` : ''}${u.name}`;
    const what =
      u.effect === 'policy'
        ? `a ${u.owner} policy, not evaluated: answers for pods ${u.namespace !== undefined ? `in namespace ${u.namespace}` : 'of every namespace'} are undetermined`
        : `its operator (${u.owner}) runs pods the snapshot does not hold: add them with kubectl get pods -o yaml`;
    return `${prefix}  ${u.file ?? '(input)'}${u.line ? `:${u.line}` : ''} ${u.kind} ${name}: ${what}`;
  });
  if (list.length > SHOWN) lines.push(`${prefix}  … and ${list.length - SHOWN} more`);
  return `${prefix}NOT EVALUATED: ${list.length} object${list.length === 1 ? '' : 's'} this answer may depend on:\n${lines.join('\n')}\n`;
}

function formatErrors(status: InputStatus, prefix: string): string {
  if (status.complete) return '';
  const n = status.errors.length;
  const lines = status.errors.slice(0, SHOWN).map((e) => `${prefix}  ${where(e)} ${e.object ? `${e.object}: ` : ''}${e.code}`);
  if (n > SHOWN) lines.push(`${prefix}  … and ${n - SHOWN} more (see the errors on stderr)`);
  return `${prefix}PARTIAL: ${n} input error${n === 1 ? '' : 's'}; what could not be read or would be refused by the API server is left out of this answer:\n${lines.join('\n')}\n`;
}

/**
 * For a pull-request comment: a count only (names from the input stay out of Markdown; the job
 * log lists the errors).
 */
export function formatInputStatusMarkdown(status: InputStatus): string {
  const u = status.unmodelled?.length ?? 0;
  const unmodelled = u ? `> **Not evaluated:** ${u} object${u === 1 ? '' : 's'} of network plugins or operators (the job log lists them); connections of the pods they may select are undetermined.\n\n` : '';
  if (status.complete) return unmodelled;
  const n = status.errors.length;
  return `${unmodelled}> **Partial:** ${n} input error${n === 1 ? '' : 's'}; what could not be read or would be refused by the API server is left out of this comparison (the job log lists them).\n\n`;
}

/** The fields every JSON output carries: `complete`, and the errors when it is not. */
export function inputStatusJson(status: InputStatus): { complete: boolean; inputErrors?: InputError[]; unmodelled?: UnmodelledEntry[] } {
  const unmodelled = status.unmodelled?.length ? { unmodelled: status.unmodelled } : {};
  return status.complete ? { complete: true, ...unmodelled } : { complete: false, inputErrors: status.errors, ...unmodelled };
}
