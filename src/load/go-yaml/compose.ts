import { Parser, type YamlEvent } from './parser.js';
import { YamlSyntaxError } from './reader.js';
import type { ScalarStyle } from './scan-scalars.js';

/**
 * go-yaml v2's node tree (decode.go's parser): the events of the first document made into
 * nodes, with anchors bound as they are met (an alias names an anchor defined before it). Like
 * go-yaml it reads the first node of the stream and its document end, and nothing after: what
 * follows is only looked at as far as the scanner looks ahead, so an error there can still
 * surface. Built with an explicit stack: go-yaml takes 10,000 levels of nesting.
 */
export type YamlNode = ScalarNode | AliasNode | CollectionNode;

export interface ScalarNode {
  kind: 'scalar';
  value: string;
  tag: string;
  /** Plain and untagged (or tagged `!`): the type comes from the text. */
  implicit: boolean;
  style: ScalarStyle;
  offset: number;
}

export interface AliasNode {
  kind: 'alias';
  name: string;
  target: YamlNode;
  offset: number;
}

export interface CollectionNode {
  kind: 'sequence' | 'mapping';
  /** Entries; a mapping's keys and values alternate. */
  items: YamlNode[];
  offset: number;
}

/**
 * The first document's root node (null for a stream without one) and how far into the text
 * go-yaml had to look for it (`reach`, UTF-16 units). Throws YamlSyntaxError.
 */
export function composeFirstDocument(text: string): { root: YamlNode | null; reach: number } {
  const parser = new Parser(text);
  parser.next(); // stream-start
  const first = parser.next();
  if (first.type === 'stream-end') return { root: null, reach: parser.reach };
  const anchors = new Map<string, YamlNode>();
  const stack: CollectionNode[] = [];
  let root: YamlNode | undefined;
  for (let e: YamlEvent = parser.next(); ; e = parser.next()) {
    let node: YamlNode | undefined;
    switch (e.type) {
      case 'scalar':
        node = { kind: 'scalar', value: e.value!, tag: e.tag ?? '', implicit: !!e.implicit, style: e.style!, offset: e.start.pos };
        break;
      case 'alias': {
        const target = anchors.get(e.anchor!);
        if (!target) throw new YamlSyntaxError(`unknown anchor '${e.anchor!}' referenced`, e.start.pos);
        node = { kind: 'alias', name: e.anchor!, target, offset: e.start.pos };
        break;
      }
      case 'sequence-start':
      case 'mapping-start': {
        const collection: CollectionNode = { kind: e.type === 'sequence-start' ? 'sequence' : 'mapping', items: [], offset: e.start.pos };
        if (e.anchor !== undefined) anchors.set(e.anchor, collection);
        if (stack.length > 0) stack[stack.length - 1]!.items.push(collection);
        else root = collection;
        stack.push(collection);
        continue;
      }
      case 'sequence-end':
      case 'mapping-end':
        stack.pop();
        break;
      default:
        throw new YamlSyntaxError(`did not expect ${e.type} here`, e.start.pos);
    }
    if (node) {
      if (e.anchor !== undefined && node.kind === 'scalar') anchors.set(e.anchor, node);
      if (stack.length > 0) stack[stack.length - 1]!.items.push(node);
      else root = node;
    }
    if (stack.length === 0) break;
  }
  const end = parser.next();
  if (end.type !== 'document-end') throw new YamlSyntaxError(`expected the document's end, found ${end.type}`, end.start.pos);
  return { root: root!, reach: parser.reach };
}
