import { composeFirstDocument } from './go-yaml/compose.js';
import { decodeGo } from './go-yaml/decode.js';
import { toJson } from './go-yaml/go-map.js';
import { CONTROL, refusedCharacter, YamlSyntaxError } from './go-yaml/reader.js';
import { isSimpleText, NOT_SIMPLE, readSimpleYaml } from './yaml-simple.js';

/**
 * One YAML document read as kubectl reads it: `sigs.k8s.io/yaml.YAMLToJSON`, i.e. go-yaml v2's
 * decoding into Go maps and slices, then the conversion to JSON. The simple reader
 * (yaml-simple.ts) takes the documents machines write; anything else goes to the careful
 * reader, a re-implementation of go-yaml v2 itself (go-yaml/: its scanner, parser, node tree
 * and decoding), because the differences that matter are in go-yaml's own state machine —
 * where a simple key may stand, what a tab or a lone CR means, that only the first node of a
 * document is read:
 * - plain scalars resolved as go-yaml resolves them (go-yaml-scalar.ts), quoted ones strings;
 * - a key set twice keeps the last value (with a warning: kubectl says nothing);
 * - merge keys `<<` set the merged entries where they stand: later keys override them, and
 *   they override earlier keys (go-yaml v2's order, not the YAML 1.1 spec's);
 * - non-string keys become JSON keys as sigs.k8s.io/yaml writes them; null keys, collections as
 *   keys, ±Inf and NaN values that are still in the decoded document refuse it;
 * - aliases expand, with go-yaml's bound on the share of nodes that come from aliases.
 * The differential test against the real Go program (test/load/kubectl-yaml.test.ts) holds
 * both paths to kubectl's answers.
 */
export interface YamlWarning {
  message: string;
  /** Offset into the document's text. */
  offset: number;
}

export type KubectlYamlResult =
  | { ok: true; value: unknown; warnings: YamlWarning[] }
  | { ok: false; error: string; offset: number };

/** One document as kubectl's YAMLReader hands it to YAMLToJSON (no `---` separator lines inside). */
export function decodeKubectlYaml(text: string): KubectlYamlResult {
  if (isSimpleText(text) && !CONTROL.test(text)) {
    const value = readSimpleYaml(text);
    if (value !== NOT_SIMPLE) return { ok: true, value, warnings: [] };
  }
  return decodeCarefully(text);
}

/** The document read by the go-yaml v2 re-implementation (go-yaml/), then converted to JSON. */
export function decodeCarefully(text: string): KubectlYamlResult {
  const controlAt = (reach: number): KubectlYamlResult | undefined => {
    const at = refusedCharacter(text, reach);
    return at === undefined ? undefined : { ok: false, error: 'control characters are not allowed', offset: at };
  };
  try {
    const { root, reach } = composeFirstDocument(text);
    const refused = controlAt(reach);
    if (refused) return refused;
    if (root === null) return { ok: true, value: null, warnings: [] };
    const { value, warnings } = decodeGo(root);
    return { ok: true, value: toJson(value, warnings), warnings };
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e;
    // The reader may have stopped on a control character before the scanner got this far.
    return controlAt(e.offset + 1) ?? { ok: false, error: e.message, offset: e.offset };
  }
}
