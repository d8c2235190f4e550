import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, connectivityWalk, walkOf, type Connectivity, type Level, type Node } from '../../../src/engine/connectivity.js';
import { ConnectionSet } from '../../../src/net/connection-set.js';
import { PortSet } from '../../../src/net/port-set.js';
import { computeMatrix } from '../../../src/engine/matrix.js';
import { batch, CHUNK_SIZE, MATRIX_FORMATS, MATRIX_STREAMS, writeChunks, type StreamedMatrixFormat } from '../../../src/format/matrix/index.js';
import { chunkText, isGuarded } from '../../../src/format/matrix/chunks.js';
import { sanitizeTerminalText } from '../../../src/text/escape/terminal.js';
import { loadSnapshot, loadTexts } from '../../../src/load/load-snapshot.js';
import { randomSnapshot } from '../../helpers/random-cluster.js';
import { ROOT } from '../../helpers/run-cli.js';
import { STRING_FORMATTERS } from './string-formatters.js';

const FORMATS = (Object.keys(MATRIX_STREAMS) as StreamedMatrixFormat[]).filter((f) => Object.hasOwn(STRING_FORMATTERS, f));
const LEVELS: Level[] = ['workload', 'pod'];
const EXAMPLES = readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

/** The streamed output, written through a writer, with its chunks (text; `bytes`: their sizes in UTF-8). */
function stream(format: StreamedMatrixFormat, ...args: Parameters<(typeof MATRIX_STREAMS)['json']>): { text: string; chunks: string[]; bytes: number[]; guarded: boolean } {
  const chunks: string[] = [];
  const bytes: number[] = [];
  const streamed = MATRIX_STREAMS[format](...args);
  writeChunks(streamed, (c) => {
    chunks.push(chunkText(c));
    bytes.push(typeof c === 'string' ? Buffer.byteLength(c) : c.length);
  });
  return { text: chunks.join(''), chunks, bytes, guarded: isGuarded(streamed) };
}

/** `n` pods and no policy: every pod reaches every other on everything (n² connections). */
function denseCluster(n: number): string {
  return Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n  namespace: ns-${i % 7}\n  labels:\n    app: a${i % 13}\nspec:\n  containers:\n  - name: c\n    image: x\n`).join('---\n');
}

describe('streamed matrix formats write the same text as the string formatters', () => {
  it.each(EXAMPLES.flatMap((e) => LEVELS.flatMap((l) => FORMATS.map((f) => [e, l, f] as const))))('examples/%s --level %s --format %s', (example, level, format) => {
    const { snapshot } = loadSnapshot([join(ROOT, 'examples', example)]);
    const m = computeMatrix(snapshot);
    const c = connectivity(m, level);
    expect(stream(format, connectivityWalk(m, level), m).text).toBe(STRING_FORMATTERS[format](c, m));
    expect(stream(format, walkOf(c), m).text).toBe(STRING_FORMATTERS[format](c, m));
    expect(MATRIX_FORMATS[format](c, m)).toBe(STRING_FORMATTERS[format](c, m));
  });

  it('on random clusters, every format and level', () => {
    fc.assert(
      fc.property(randomSnapshot, fc.constantFrom(...LEVELS), (snapshot, level) => {
        const m = computeMatrix(snapshot);
        const c = connectivity(m, level);
        const w = connectivityWalk(m, level);
        for (const f of FORMATS) expect(stream(f, w, m).text).toBe(STRING_FORMATTERS[f](c, m));
        const partial = { complete: false, errors: [{ file: 'x.yaml', line: 3, code: 'invalid' }] } as never;
        expect(stream('json', w, m, partial).text).toBe(STRING_FORMATTERS.json(c, m, partial));
      }),
      { numRuns: 300 },
    );
  });

  it('a dense cluster, edges built as they are written: many chunks, none much over 64 KiB, the same text as the string formatters', () => {
    const { snapshot } = loadTexts([{ file: 'dense.yaml', text: denseCluster(250) }]);
    const m = computeMatrix(snapshot);
    const c = connectivity(m, 'pod');
    expect(c.edges.length).toBeGreaterThan(250 * 249);
    const w = connectivityWalk(m, 'pod');
    for (const f of FORMATS) {
      const { text, chunks, bytes } = stream(f, w, m);
      expect(chunks.length).toBeGreaterThan(10);
      // A chunk is cut at the first piece (one line, one JSON item) past 64 KiB.
      for (const size of bytes) expect(size).toBeLessThan(CHUNK_SIZE + 4096);
      // A pair-line format's chunk ends at a line end (JSON's at an item's end): it decodes alone.
      if (f !== 'json') for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith('\n')).toBe(true);
      expect(text).toBe(STRING_FORMATTERS[f](c, m));
    }
  });

  it('names no validation would let through (controls, bidi, workflow commands at a line start): txt and csv lines escaped once per name equal the whole output sanitized, and JSON items made of pieces computed once equal JSON.stringify', () => {
    // src/format/matrix/pair-lines.ts: names are escaped once per node and only a line that can
    // start a workflow command is scanned again; the oracle sanitizes the whole text.
    const hostile = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ':', '#', '[', ' ', '\t', '\n', '\r', '\u001b', '\u202e', '\u2028', '=', '-', '"', ',', '/') }),
      fc.constantFrom('::warning::x', '  ::set-output name=a::b', '##[error]x', '::-ffff:0:0[External]', '=cmd()', 'a"b,c'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(hostile, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 12 }), (ids, pairs) => {
        // External nodes: the JSON oracle needs no pod classes for them.
        const nodes: Node[] = ids.map((id) => ({ kind: 'external', id, family: 4, lo: 0n, hi: 0n }));
        const edges = pairs.filter(([a, b]) => a < nodes.length && b < nodes.length).map(([a, b]) => ({ src: nodes[a]!, dst: nodes[b]!, connections: ConnectionSet.ALL }));
        const c: Connectivity = { level: 'workload', nodes, edges };
        const m = { semantics: 'networking.k8s.io/v1' } as never;
        for (const f of ['txt', 'csv', 'json', 'md', 'dot', 'gexf', 'graphml'] as const) {
          const { text, guarded } = stream(f, walkOf(c), m);
          expect(text).toBe(STRING_FORMATTERS[f](c, m));
          // Chunks marked guarded skip the CLI's terminal guard (cli/emit.ts): it must change nothing in them.
          if (guarded) expect(sanitizeTerminalText(text)).toBe(text);
        }
        for (const f of ['txt', 'csv', 'md', 'dot'] as const) expect(stream(f, walkOf(c), m).guarded).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('line ends kept per destination (src/format/matrix/pair-lines.ts)', () => {
  // A destination's line end is kept for the first connection id it is written with; another id
  // is written in two pieces, and an end over 512 bytes is never kept. Every line must come out
  // as the string formatters write it, whichever path it took.
  const every100th = PortSet.of(Array.from({ length: 300 }, (_, i) => [i * 100 + 1, i * 100 + 1] as const));
  const CONNECTIONS = [ConnectionSet.ALL, ConnectionSet.of({ TCP: PortSet.range(80) }), ConnectionSet.of({ UDP: PortSet.range(53), TCP: PortSet.range(8080, 8090) }), ConnectionSet.of({ TCP: every100th })];

  it('the long connection text is past the size kept, so that path is taken', () => {
    expect(Buffer.byteLength(CONNECTIONS[3]!.toString())).toBeGreaterThan(512);
  });

  it('on destinations reached with one, two or more connection sets, in any order: the same text as the string formatters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.nat(CONNECTIONS.length - 1)), { maxLength: 30 }), (n, triples) => {
        const nodes: Node[] = Array.from({ length: n }, (_, i) => ({ kind: 'external', id: `10.0.0.${i}/32`, family: 4, lo: 0n, hi: 0n }));
        const seen = new Set<string>();
        const edges = triples
          .filter(([a, b]) => a < n && b < n && !seen.has(`${a},${b}`) && seen.add(`${a},${b}`))
          .sort(([a1, b1], [a2, b2]) => a1 - a2 || b1 - b2)
          .map(([a, b, k]) => ({ src: nodes[a]!, dst: nodes[b]!, connections: CONNECTIONS[k]! }));
        const c: Connectivity = { level: 'workload', nodes, edges };
        const m = { semantics: 'networking.k8s.io/v1' } as never;
        for (const f of ['txt', 'csv', 'md', 'dot', 'gexf', 'graphml'] as const) expect(stream(f, walkOf(c), m).text, f).toBe(STRING_FORMATTERS[f](c, m));
      }),
      { numRuns: 300 },
    );
  });
});

describe('batch', () => {
  it('cuts only where a piece ends, maps each chunk, and yields nothing for nothing', () => {
    expect([...batch(['a\n', 'b\n', 'c\n'], (s) => s.toUpperCase(), 3)]).toEqual(['A\nB\n', 'C\n']);
    expect([...batch([])]).toEqual([]);
  });

  it('the line-wise terminal guard gives the same text chunk by chunk as on the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', ':', '#', '[', ' ', '\t', '\x1b', '\u202e', '=') }).map((s) => `${s}\n`)), fc.integer({ min: 1, max: 20 }), (lines, size) => {
        expect([...batch(lines, sanitizeTerminalText, size)].join('')).toBe(sanitizeTerminalText(lines.join('')));
      }),
    );
  });
});
