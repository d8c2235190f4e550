import { YamlSyntaxError, type Mark } from './reader.js';
import type { ScalarStyle } from './scan-scalars.js';
import { Scanner, type Token, type TokenType } from './scanner.js';

/**
 * go-yaml v2's parser (parserc.go): tokens → events, a state machine with an explicit stack of
 * states (so nesting costs no call stack). Directives (%YAML 1.1 only, %TAG handles once each),
 * tag handles resolved against them, empty nodes where a key, value or entry has no content.
 */
export type EventType = 'stream-start' | 'stream-end' | 'document-start' | 'document-end' | 'alias' | 'scalar' | 'sequence-start' | 'sequence-end' | 'mapping-start' | 'mapping-end';

export interface YamlEvent {
  type: EventType;
  start: Mark;
  /** Anchor defined on the node, or the alias's name. */
  anchor?: string;
  tag?: string;
  value?: string;
  /** A plain scalar without a tag (or tagged `!`): its type is resolved from its text. */
  implicit?: boolean;
  style?: ScalarStyle;
}

type State =
  | 'stream-start'
  | 'implicit-document-start'
  | 'document-start'
  | 'document-content'
  | 'document-end'
  | 'block-node'
  | 'block-node-or-indentless-sequence'
  | 'flow-node'
  | 'block-sequence-first-entry'
  | 'block-sequence-entry'
  | 'indentless-sequence-entry'
  | 'block-mapping-first-key'
  | 'block-mapping-key'
  | 'block-mapping-value'
  | 'flow-sequence-first-entry'
  | 'flow-sequence-entry'
  | 'flow-sequence-entry-mapping-key'
  | 'flow-sequence-entry-mapping-value'
  | 'flow-sequence-entry-mapping-end'
  | 'flow-mapping-first-key'
  | 'flow-mapping-key'
  | 'flow-mapping-value'
  | 'flow-mapping-empty-value'
  | 'end';

const DEFAULT_TAGS: [string, string][] = [
  ['!', '!'],
  ['!!', 'tag:yaml.org,2002:'],
];

export class Parser {
  private readonly scanner: Scanner;
  private state: State = 'stream-start';
  private readonly states: State[] = [];
  private tags: [string, string][] = [];
  private done = false;

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  /** How far into the text the scanner has asked to see. */
  get reach(): number {
    return this.scanner.reach;
  }

  /** The next event; stream-end again once the stream has ended. */
  next(): YamlEvent {
    if (this.done || this.state === 'end') return { type: 'stream-end', start: { pos: 0, index: 0, line: 0, column: 0 } };
    const e = this.step();
    if (e.type === 'stream-end') this.done = true;
    return e;
  }

  private fail(problem: string, at: Mark): never {
    throw new YamlSyntaxError(problem, at.pos);
  }

  private peek(): Token {
    return this.scanner.peek();
  }

  private skip(): void {
    this.scanner.next();
  }

  private pop(): void {
    this.state = this.states.pop()!;
  }

  private is(token: Token, ...types: TokenType[]): boolean {
    return types.includes(token.type);
  }

  private empty(mark: Mark): YamlEvent {
    return { type: 'scalar', start: mark, value: '', implicit: true, style: 'plain' };
  }

  private step(): YamlEvent {
    switch (this.state) {
      case 'stream-start': {
        const t = this.peek();
        this.state = 'implicit-document-start';
        this.skip();
        return { type: 'stream-start', start: t.start };
      }
      case 'implicit-document-start':
        return this.documentStart(true);
      case 'document-start':
        return this.documentStart(false);
      case 'document-content': {
        const t = this.peek();
        if (this.is(t, 'version-directive', 'tag-directive', 'document-start', 'document-end', 'stream-end')) {
          this.pop();
          return this.empty(t.start);
        }
        return this.node(true, false);
      }
      case 'document-end': {
        const t = this.peek();
        if (t.type === 'document-end') this.skip();
        this.tags = [];
        this.state = 'document-start';
        return { type: 'document-end', start: t.start };
      }
      case 'block-node':
        return this.node(true, false);
      case 'block-node-or-indentless-sequence':
        return this.node(true, true);
      case 'flow-node':
        return this.node(false, false);
      case 'block-sequence-first-entry':
        this.skip();
        return this.blockSequenceEntry();
      case 'block-sequence-entry':
        return this.blockSequenceEntry();
      case 'indentless-sequence-entry':
        return this.indentlessSequenceEntry();
      case 'block-mapping-first-key':
        this.skip();
        return this.blockMappingKey();
      case 'block-mapping-key':
        return this.blockMappingKey();
      case 'block-mapping-value':
        return this.blockMappingValue();
      case 'flow-sequence-first-entry':
        this.skip();
        return this.flowSequenceEntry(true);
      case 'flow-sequence-entry':
        return this.flowSequenceEntry(false);
      case 'flow-sequence-entry-mapping-key': {
        const t = this.peek();
        if (!this.is(t, 'value', 'flow-entry', 'flow-sequence-end')) {
          this.states.push('flow-sequence-entry-mapping-value');
          return this.node(false, false);
        }
        this.skip();
        this.state = 'flow-sequence-entry-mapping-value';
        return this.empty(t.end);
      }
      case 'flow-sequence-entry-mapping-value': {
        let t = this.peek();
        if (t.type === 'value') {
          this.skip();
          t = this.peek();
          if (!this.is(t, 'flow-entry', 'flow-sequence-end')) {
            this.states.push('flow-sequence-entry-mapping-end');
            return this.node(false, false);
          }
        }
        this.state = 'flow-sequence-entry-mapping-end';
        return this.empty(t.start);
      }
      case 'flow-sequence-entry-mapping-end': {
        const t = this.peek();
        this.state = 'flow-sequence-entry';
        return { type: 'mapping-end', start: t.start };
      }
      case 'flow-mapping-first-key':
        this.skip();
        return this.flowMappingKey(true);
      case 'flow-mapping-key':
        return this.flowMappingKey(false);
      case 'flow-mapping-value':
        return this.flowMappingValue(false);
      case 'flow-mapping-empty-value':
        return this.flowMappingValue(true);
      case 'end':
        return { type: 'stream-end', start: this.peek().start };
    }
  }

  private documentStart(implicit: boolean): YamlEvent {
    let t = this.peek();
    if (!implicit) {
      while (t.type === 'document-end') {
        this.skip();
        t = this.peek();
      }
    }
    if (implicit && !this.is(t, 'version-directive', 'tag-directive', 'document-start', 'stream-end')) {
      this.processDirectives();
      this.states.push('document-end');
      this.state = 'block-node';
      return { type: 'document-start', start: t.start };
    }
    if (t.type !== 'stream-end') {
      this.processDirectives();
      t = this.peek();
      if (t.type !== 'document-start') this.fail('did not find expected <document start>', t.start);
      this.states.push('document-end');
      this.state = 'document-content';
      this.skip();
      return { type: 'document-start', start: t.start };
    }
    this.state = 'end';
    this.skip();
    return { type: 'stream-end', start: t.start };
  }

  private processDirectives(): void {
    let version = false;
    let t = this.peek();
    while (this.is(t, 'version-directive', 'tag-directive')) {
      if (t.type === 'version-directive') {
        if (version) this.fail('found duplicate %YAML directive', t.start);
        if (t.major !== 1 || t.minor !== 1) this.fail('found incompatible YAML document', t.start);
        version = true;
      } else {
        if (this.tags.some(([h]) => h === t.value)) this.fail('found duplicate %TAG directive', t.start);
        this.tags.push([t.value!, t.prefix!]);
      }
      this.skip();
      t = this.peek();
    }
    for (const d of DEFAULT_TAGS) if (!this.tags.some(([h]) => h === d[0])) this.tags.push(d);
  }

  private node(block: boolean, indentlessSequence: boolean): YamlEvent {
    let t = this.peek();
    if (t.type === 'alias') {
      this.pop();
      this.skip();
      return { type: 'alias', start: t.start, anchor: t.value! };
    }
    const start = t.start;
    let anchor: string | undefined;
    let tagToken: Token | undefined;
    if (t.type === 'anchor') {
      anchor = t.value!;
      this.skip();
      t = this.peek();
      if (t.type === 'tag') {
        tagToken = t;
        this.skip();
        t = this.peek();
      }
    } else if (t.type === 'tag') {
      tagToken = t;
      this.skip();
      t = this.peek();
      if (t.type === 'anchor') {
        anchor = t.value!;
        this.skip();
        t = this.peek();
      }
    }
    let tag = '';
    if (tagToken) {
      const handle = tagToken.value!;
      if (handle === '') tag = tagToken.suffix!;
      else {
        const prefix = this.tags.find(([h]) => h === handle)?.[1];
        tag = prefix === undefined ? '' : prefix + tagToken.suffix!;
        if (tag === '') this.fail('found undefined tag handle', tagToken.start);
      }
    }
    const implicit = tag === '';
    const base = { start, ...(anchor !== undefined ? { anchor } : {}), ...(tag ? { tag } : {}) };
    if (indentlessSequence && t.type === 'block-entry') {
      this.state = 'indentless-sequence-entry';
      return { type: 'sequence-start', ...base };
    }
    if (t.type === 'scalar') {
      this.pop();
      this.skip();
      return { type: 'scalar', ...base, value: t.value!, implicit: (tag === '' && t.style === 'plain') || tag === '!', style: t.style! };
    }
    if (t.type === 'flow-sequence-start') {
      this.state = 'flow-sequence-first-entry';
      return { type: 'sequence-start', ...base };
    }
    if (t.type === 'flow-mapping-start') {
      this.state = 'flow-mapping-first-key';
      return { type: 'mapping-start', ...base };
    }
    if (block && t.type === 'block-sequence-start') {
      this.state = 'block-sequence-first-entry';
      return { type: 'sequence-start', ...base };
    }
    if (block && t.type === 'block-mapping-start') {
      this.state = 'block-mapping-first-key';
      return { type: 'mapping-start', ...base };
    }
    if (anchor !== undefined || tag !== '') {
      this.pop();
      return { type: 'scalar', ...base, value: '', implicit, style: 'plain' };
    }
    this.fail('did not find expected node content', t.start);
  }

  private blockSequenceEntry(): YamlEvent {
    let t = this.peek();
    if (t.type === 'block-entry') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (!this.is(t, 'block-entry', 'block-end')) {
        this.states.push('block-sequence-entry');
        return this.node(true, false);
      }
      this.state = 'block-sequence-entry';
      return this.empty(mark);
    }
    if (t.type === 'block-end') {
      this.pop();
      this.skip();
      return { type: 'sequence-end', start: t.start };
    }
    this.fail("did not find expected '-' indicator", t.start);
  }

  private indentlessSequenceEntry(): YamlEvent {
    let t = this.peek();
    if (t.type === 'block-entry') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (!this.is(t, 'block-entry', 'key', 'value', 'block-end')) {
        this.states.push('indentless-sequence-entry');
        return this.node(true, false);
      }
      this.state = 'indentless-sequence-entry';
      return this.empty(mark);
    }
    this.pop();
    return { type: 'sequence-end', start: t.start };
  }

  private blockMappingKey(): YamlEvent {
    let t = this.peek();
    if (t.type === 'key') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (!this.is(t, 'key', 'value', 'block-end')) {
        this.states.push('block-mapping-value');
        return this.node(true, true);
      }
      this.state = 'block-mapping-value';
      return this.empty(mark);
    }
    if (t.type === 'block-end') {
      this.pop();
      this.skip();
      return { type: 'mapping-end', start: t.start };
    }
    this.fail('did not find expected key', t.start);
  }

  private blockMappingValue(): YamlEvent {
    let t = this.peek();
    if (t.type === 'value') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (!this.is(t, 'key', 'value', 'block-end')) {
        this.states.push('block-mapping-key');
        return this.node(true, true);
      }
      this.state = 'block-mapping-key';
      return this.empty(mark);
    }
    this.state = 'block-mapping-key';
    return this.empty(t.start);
  }

  private flowSequenceEntry(first: boolean): YamlEvent {
    let t = this.peek();
    if (t.type !== 'flow-sequence-end') {
      if (!first) {
        if (t.type !== 'flow-entry') this.fail("did not find expected ',' or ']'", t.start);
        this.skip();
        t = this.peek();
      }
      if (t.type === 'key') {
        this.state = 'flow-sequence-entry-mapping-key';
        this.skip();
        return { type: 'mapping-start', start: t.start };
      }
      if (t.type !== 'flow-sequence-end') {
        this.states.push('flow-sequence-entry');
        return this.node(false, false);
      }
    }
    this.pop();
    this.skip();
    return { type: 'sequence-end', start: t.start };
  }

  private flowMappingKey(first: boolean): YamlEvent {
    let t = this.peek();
    if (t.type !== 'flow-mapping-end') {
      if (!first) {
        if (t.type !== 'flow-entry') this.fail("did not find expected ',' or '}'", t.start);
        this.skip();
        t = this.peek();
      }
      if (t.type === 'key') {
        this.skip();
        t = this.peek();
        if (!this.is(t, 'value', 'flow-entry', 'flow-mapping-end')) {
          this.states.push('flow-mapping-value');
          return this.node(false, false);
        }
        this.state = 'flow-mapping-value';
        return this.empty(t.start);
      }
      if (t.type !== 'flow-mapping-end') {
        this.states.push('flow-mapping-empty-value');
        return this.node(false, false);
      }
    }
    this.pop();
    this.skip();
    return { type: 'mapping-end', start: t.start };
  }

  private flowMappingValue(empty: boolean): YamlEvent {
    let t = this.peek();
    if (empty) {
      this.state = 'flow-mapping-key';
      return this.empty(t.start);
    }
    if (t.type === 'value') {
      this.skip();
      t = this.peek();
      if (!this.is(t, 'flow-entry', 'flow-mapping-end')) {
        this.states.push('flow-mapping-key');
        return this.node(false, false);
      }
    }
    this.state = 'flow-mapping-key';
    return this.empty(t.start);
  }
}
