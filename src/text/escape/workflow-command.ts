import { escapeTerminal } from './terminal.js';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`). The runner un-escapes
 * `%25`, `%0D`, `%0A` in the message, and also `%3A`, `%2C` in properties; a raw newline would
 * end the command and start a line of the log (which may be a forged command). Other control
 * characters (ESC: the log viewer renders colours) are shown as visible escapes.
 */
export function escapeWorkflowData(s: string): string {
  return escapeTerminal(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A property value (`file=`, `title=`): also `:` and `,`, which end a property. */
export function escapeWorkflowProperty(s: string): string {
  return escapeWorkflowData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
