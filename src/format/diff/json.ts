import { API_V1, type SemanticsName } from '../../model/semantics.js';
import { portsJson } from '../matrix/json.js';
import { inputStatusJson } from '../input/input-status.js';
import type { InputStatus } from '../../load/input-status.js';
import type { ExplainedChange } from './text.js';

/** `{format: netpol-check/diff, version: 1, changes: [...]}` */
export function formatDiffJson(changes: readonly ExplainedChange[], semantics: { base: SemanticsName; head: SemanticsName } = { base: API_V1, head: API_V1 }, input: InputStatus = { complete: true, errors: [] }): string {
  return `${JSON.stringify(
    {
      format: 'netpol-check/diff',
      version: 1,
      semantics,
      ...inputStatusJson(input),
      changes: changes.map(({ change: c, reasons: r }) => ({
        src: c.src,
        dst: c.dst,
        before: c.before.toString(),
        after: c.after.toString(),
        added: c.added.isEmpty() ? null : { text: c.added.toString(), ports: portsJson(c.added), allowedBy: r.addedBy },
        removed: c.removed.isEmpty() ? null : { text: c.removed.toString(), ports: portsJson(c.removed), wasAllowedBy: r.removedFrom, newlyIsolatedBy: r.newlyIsolatedBy, deniedBy: r.deniedBy },
      })),
    },
    null,
    2,
  )}\n`;
}
