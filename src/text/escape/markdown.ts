import { escapeTerminal } from './terminal.js';

/**
 * Input text in Markdown that is posted as a pull-request comment (GitHub-flavoured Markdown,
 * which passes some HTML through): one value, inline or in a table cell. Control characters
 * become visible escapes (a newline would end the table row); `&`, `<`, `>` become entities (no
 * raw HTML, no `<img>`, no comment that hides the rest); Markdown punctuation that makes emphasis or
 * code is backslash-escaped, and so are `![` (an image) and `](` (a link); `|` cannot end a cell; `@` and `#` get a
 * zero-width space after them, so no one is mentioned and no issue is referenced.
 */
export function escapeMarkdown(s: string): string {
  return escapeTerminal(s)
    .replace(/[\\`*_~|]/g, '\\$&')
    .replace(/!\[/g, '!\\[')
    .replace(/\]\(/g, ']\\(')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([@#])/g, '$1&#8203;');
}
