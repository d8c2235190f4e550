/**
 * Go's YAML reader (kubectl's) accepts tabs in the indentation of flow collections; the yaml
 * package does not.
 */
/** Replaces leading whitespace containing tabs with the previous line's indentation. */
export function retab(text: string): { text: string; lines: number[] } {
  const lines = text.split('\n');
  const changed: number[] = [];
  let previousIndent = '';
  lines.forEach((line, i) => {
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.includes('\t') && line.trim() !== '') {
      lines[i] = previousIndent + line.slice(indent.length);
      changed.push(i + 1);
    } else if (line.trim() !== '') {
      previousIndent = indent;
    }
  });
  return { text: lines.join('\n'), lines: changed };
}
