import { escapeTerminal, sanitizeTerminalText } from '../../text/escape/terminal.js';
import type { InputError, InputStatus, UnmodelledEntry } from '../../load/input-status.js';
import { assumingText, differingBehaviours, type PluginStatus } from '../../model/cni.js';

const SHOWN = 5;

function where(e: InputError): string {
  return e.file ? `${escapeTerminal(e.file)}${e.line ? `:${e.line}` : ''}` : '(input)';
}

/**
 * The line(s) a partial answer starts with in text formats; '' for a complete one. The errors
 * themselves are on stderr; this says, in the answer, that the answer does not stand on the
 * whole input.
 */
export function formatInputStatusText(status: InputStatus, prefix = ''): string {
  // Names, files and pair ids come from the input: nothing in them may reach the terminal raw.
  return sanitizeTerminalText(formatErrors(status, prefix) + formatUnmodelled(status, prefix) + formatPlugin(status, prefix));
}

/** Connections that differ between network plugins (docs/cni-profiles.md), said in the answer. */
function formatPlugin(status: InputStatus, prefix: string): string {
  const p = status.plugin;
  if (!p || p.dependent.length === 0) return '';
  const n = p.dependent.length;
  const profiles = [...new Set(p.dependent.flatMap((d) => d.outcomes.flatMap((o) => o.profiles)))];
  const behaviours = differingBehaviours(profiles).map((b) => (b === 'ipBlock' ? 'ipBlock over pod IPs' : 'hostNetwork pods')).join(', ');
  const lines = p.dependent.slice(0, SHOWN).map((d) => `${prefix}  ${escapeTerminal(d.src)} => ${escapeTerminal(d.dst)}: ${d.outcomes.map((o) => `${o.profiles.join(', ')}: ${o.connections || 'nothing'}`).join('; ')}`);
  if (n > SHOWN) lines.push(`${prefix}  … and ${n - SHOWN} more`);
  const head =
    p.profile === 'generic'
      ? `${prefix}DEPENDS ON THE NETWORK PLUGIN: ${n} pair${n === 1 ? ' differs' : 's differ'} between plugins (${behaviours}); shown with what any plugin allows; --cni PROFILE fixes the plugin (docs/cni-profiles.md):`
      : `${prefix}ASSUMED: ${assumingText(p.profile, differingBehaviours(profiles)).replace(/^assuming /, '')} — it decides ${n} pair${n === 1 ? '' : 's'}:`;
  return `${head}\n${lines.join('\n')}\n`;
}

/** What the snapshot holds that netpol-check does not evaluate, said in the answer. */
function formatUnmodelled(status: InputStatus, prefix: string): string {
  const list = status.unmodelled ?? [];
  if (list.length === 0) return '';
  const lines = list.slice(0, SHOWN).map((u) => {
    const name = escapeTerminal(`${u.namespace !== undefined ? `${u.namespace}/` : ''}${u.name}`);
    const what =
      u.effect === 'policy'
        ? `a ${u.owner} policy, not evaluated: answers for pods ${u.namespace !== undefined ? `in namespace ${u.namespace}` : 'of every namespace'} are undetermined`
        : `its operator (${u.owner}) runs pods the snapshot does not hold: add them with kubectl get pods -o yaml`;
    return `${prefix}  ${u.file ? escapeTerminal(u.file) : '(input)'}${u.line ? `:${u.line}` : ''} ${escapeTerminal(u.kind)} ${name}: ${escapeTerminal(what)}`;
  });
  if (list.length > SHOWN) lines.push(`${prefix}  … and ${list.length - SHOWN} more`);
  return `${prefix}NOT EVALUATED: ${list.length} object${list.length === 1 ? '' : 's'} this answer may depend on:\n${lines.join('\n')}\n`;
}

function formatErrors(status: InputStatus, prefix: string): string {
  if (status.complete) return '';
  const n = status.errors.length;
  const lines = status.errors.slice(0, SHOWN).map((e) => `${prefix}  ${where(e)} ${e.object ? `${escapeTerminal(e.object)}: ` : ''}${escapeTerminal(e.code)}`);
  if (n > SHOWN) lines.push(`${prefix}  … and ${n - SHOWN} more (see the errors on stderr)`);
  return `${prefix}PARTIAL: ${n} input error${n === 1 ? '' : 's'}; what could not be read or would be refused by the API server is left out of this answer:\n${lines.join('\n')}\n`;
}

/**
 * For a pull-request comment: a count only (names from the input stay out of Markdown; the job
 * log lists the errors).
 */
export function formatInputStatusMarkdown(status: InputStatus): string {
  const u = status.unmodelled?.length ?? 0;
  const d = status.plugin?.profile === 'generic' ? status.plugin.dependent.length : 0;
  const plugin = d ? `> **Depends on the network plugin:** ${d} pair${d === 1 ? '' : 's'} differ between plugins (the job log lists them); give \`--cni\` to fix the plugin.\n\n` : '';
  const unmodelled = u ? `> **Not evaluated:** ${u} object${u === 1 ? '' : 's'} of network plugins or operators (the job log lists them); connections of the pods they may select are undetermined.\n\n` : '';
  if (status.complete) return plugin + unmodelled;
  const n = status.errors.length;
  return `${plugin}${unmodelled}> **Partial:** ${n} input error${n === 1 ? '' : 's'}; what could not be read or would be refused by the API server is left out of this comparison (the job log lists them).\n\n`;
}

/** The fields every JSON output carries: `complete`, and the errors when it is not. */
export function inputStatusJson(status: InputStatus): { complete: boolean; inputErrors?: InputError[]; unmodelled?: UnmodelledEntry[]; plugin?: PluginStatus } {
  const unmodelled = { ...(status.unmodelled?.length ? { unmodelled: status.unmodelled } : {}), ...(status.plugin ? { plugin: status.plugin } : {}) };
  return status.complete ? { complete: true, ...unmodelled } : { complete: false, inputErrors: status.errors, ...unmodelled };
}
