/** `ignorePaths` limits: a config is input a pull request can change. */
export const MAX_GLOB_LENGTH = 1024;
export const MAX_GLOBS = 256;

type Token = { t: 'lit'; c: string } | { t: 'one' } | { t: 'star' } | { t: 'any' };

/**
 * A compiled `ignorePaths` glob: `**` crosses folders (and `**\/` may match nothing), `*` and `?`
 * do not, anything else is literal; it matches a path or any part of it after a `/`
 * (`legacy/**` matches `deploy/legacy/x.yaml`).
 *
 * Matching simulates the pattern's automaton on all its states at once: O(path × pattern) time
 * whatever the pattern, where a backtracking regular expression (and picomatch and minimatch,
 * which compile to one) take exponential time on `**a**a**a**a**a**b`.
 */
export class Glob {
  private readonly tokens: Token[] = [];

  constructor(readonly pattern: string) {
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '*' && pattern[i + 1] === '*') {
        if (this.tokens.at(-1)?.t !== 'any') this.tokens.push({ t: 'any' });
        i++;
        if (pattern[i + 1] === '/') i++;
      } else if (c === '*') {
        if (this.tokens.at(-1)?.t !== 'star') this.tokens.push({ t: 'star' });
      } else if (c === '?') this.tokens.push({ t: 'one' });
      else this.tokens.push({ t: 'lit', c });
    }
  }

  test(path: string): boolean {
    const m = this.tokens.length;
    let active = new Uint8Array(m + 1);
    let next = new Uint8Array(m + 1);
    const close = (set: Uint8Array) => {
      for (let i = 0; i < m; i++) if (set[i] && this.tokens[i]!.t !== 'lit' && this.tokens[i]!.t !== 'one') set[i + 1] = 1;
    };
    active[0] = 1;
    close(active);
    for (const c of path) {
      next.fill(0);
      for (let i = 0; i < m; i++) {
        if (!active[i]) continue;
        const tok = this.tokens[i]!;
        if (tok.t === 'any') next[i] = 1;
        else if (tok.t === 'star') {
          if (c !== '/') next[i] = 1;
        } else if (tok.t === 'one') {
          if (c !== '/') next[i + 1] = 1;
        } else if (tok.c === c) next[i + 1] = 1;
      }
      if (c === '/') next[0] = 1; // a match may start after any folder separator
      close(next);
      [active, next] = [next, active];
    }
    return active[m] === 1;
  }
}
