import { visibleEscape } from './terminal.js';

/** Not allowed anywhere in an XML 1.0 document, not even as a character reference. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for XML content or a quoted attribute value: the five markup characters as entities,
 * tab/CR/LF as character references (kept in attributes), and characters XML 1.0 forbids
 * (most C0 controls, lone surrogates, U+FFFE/U+FFFF) as visible escapes, so the document stays
 * well-formed whatever the input holds.
 */
export function escapeXml(s: string): string {
  return s
    .replace(NOT_XML, (c) => visibleEscape(c))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Characters XML 1.0 forbids replaced by visible escapes, for text another XML writer escapes. */
export function xmlSafeText(s: string): string {
  return s.replace(NOT_XML, (c) => visibleEscape(c));
}
