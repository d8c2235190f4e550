import { Document, visit } from 'yaml';

/**
 * `-o yaml`, as kubectl offers it beside `-o json`: the very document the JSON format prints,
 * written as YAML (keys in the same order; no line folding, so a long message stays one line
 * and reads back equal). YAML 1.1 rules for quoting, so that Go's YAML readers (kubectl's)
 * read "on", "y" or "010" back as strings too. Machine output: strings are quoted by the YAML writer wherever
 * needed (control characters as escapes in double quotes), never interpreted.
 */
export function jsonAsYaml(json: string): string {
  const doc = new Document(JSON.parse(json), { version: '1.1', aliasDuplicateObjects: false });
  // `<<` is a merge key to YAML 1.1 readers, and the writer leaves it plain even when asked to
  // quote it (its 1.1 schema's merge tag claims the string): an explicit !!str tag keeps it a string.
  visit(doc, {
    Scalar(_, node) {
      if (node.value === '<<') {
        node.tag = 'tag:yaml.org,2002:str';
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return doc.toString({ lineWidth: 0 });
}
