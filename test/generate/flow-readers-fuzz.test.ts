import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlowCsv } from '../../src/generate/csv-flows.js';
import { parseHubbleFlows } from '../../src/generate/hubble-flows.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * The flow readers of `generate --from` (CSV and Hubble exports) on mangled input: they never
 * throw, and every problem names the file and a line of it.
 */
const TOKENS = ['', ',', '"', '""', '\n', '\r\n', '#', '/', ':', '{', '}', '[', ']', 'null', '"flow"', '"l4"', '"TCP"', '"destination_port"', '-1', '70000', 'udp', 'é', '\u0000', '\u001b[2J'];
const mangle = (seed: string) =>
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...TOKENS)), { maxLength: 8 }).map((edits) => {
    let t = seed;
    for (const [at, cut, token] of edits) {
      const i = t.length ? at % t.length : 0;
      t = t.slice(0, i) + token + t.slice(i + cut);
    }
    return t;
  });

function wellPlaced(problems: readonly { source?: { file: string; line: number }; message: string }[], file: string, text: string): void {
  const lines = text.split('\n').length;
  for (const p of problems) {
    expect(p.source?.file).toBe(file);
    expect(p.source!.line).toBeGreaterThanOrEqual(1);
    expect(p.source!.line).toBeLessThanOrEqual(lines);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

describe('generate --from readers on mangled input', () => {
  const csv = readFileSync(join(ROOT, 'examples', 'three-tier', 'flows.csv'), 'utf8');
  const hubble = readFileSync(join(ROOT, 'examples', 'three-tier', 'hubble-flows.jsonl'), 'utf8');

  it('CSV', () => {
    fc.assert(
      fc.property(fc.oneof(mangle(csv), fc.string()), (text) => {
        wellPlaced(parseFlowCsv('f.csv', text).problems, 'f.csv', text);
      }),
      { numRuns: 400 },
    );
  });

  it('Hubble JSON lines', () => {
    fc.assert(
      fc.property(fc.oneof(mangle(hubble), fc.string()), (text) => {
        wellPlaced(parseHubbleFlows('h.jsonl', text).problems, 'h.jsonl', text);
      }),
      { numRuns: 400 },
    );
  });
});
