import { describe, expect, it } from 'vitest';
import { loadingFrame } from '../../cli/tui/loading-frame.js';
import { formatBytes } from '../../cli/tui/input-size.js';

describe('loadingFrame: what explore shows while it loads', () => {
  it('says the step, how far it is, for how long, and how to stop', () => {
    expect(loadingFrame({ step: 'computing connectivity', done: 2048, total: 8192, elapsedMs: 3456 }, 80)).toEqual([
      'netpol-check explore: loading (3.5 s)',
      'computing connectivity… 2,048/8,192 (25%)',
      'q or Ctrl-C: stop',
    ]);
  });

  it('a step without a count shows no share', () => {
    expect(loadingFrame({ step: 'reading 12.3 MB of manifests', done: 0, total: 0, elapsedMs: 0 }, 80)[1]).toBe('reading 12.3 MB of manifests…');
  });

  it('cuts lines to the terminal width, the last column left free', () => {
    const lines = loadingFrame({ step: 'linting (redundant-rule)', done: 14, total: 20, elapsedMs: 100 }, 24);
    expect(lines.every((l) => l.length <= 23)).toBe(true);
    expect(lines[1]).toBe('linting (redundant-rul…');
  });

  it('runs from its own source text (the loading thread gets it that way)', () => {
    const copy = new Function(`return (${loadingFrame.toString()})`)() as typeof loadingFrame;
    expect(copy({ step: 'linting', done: 1, total: 2, elapsedMs: 1000 }, 80)).toEqual(loadingFrame({ step: 'linting', done: 1, total: 2, elapsedMs: 1000 }, 80));
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '1 kB'],
    [840_000, '840 kB'],
    [12_345_678, '12.3 MB'],
  ])('%d → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
