import { describe, expect, it } from 'vitest';
import { CI_MARKERS, prepareTerminalEnv } from '../../cli/tui/colour-env.js';

describe('the environment explore gives ink and its colour library', () => {
  it('removes the CI markers instead of setting them (supports-color reads a present CI as no colour)', () => {
    const env: Record<string, string | undefined> = { CI: 'true', CONTINUOUS_INTEGRATION: 'false', TEAMCITY_VERSION: '2024.1', TF_BUILD: 'True', TERM: 'xterm-256color', HOME: '/home/me' };
    expect(prepareTerminalEnv(env)).toEqual({ colour: true });
    for (const name of CI_MARKERS) expect(name in env).toBe(false);
    expect(env).toEqual({ TERM: 'xterm-256color', HOME: '/home/me' });
  });

  it('NO_COLOR (not empty) turns colour off; FORCE_COLOR wins over it, FORCE_COLOR=0 is off', () => {
    expect(prepareTerminalEnv({ NO_COLOR: '1' })).toEqual({ colour: false });
    expect(prepareTerminalEnv({ NO_COLOR: '' })).toEqual({ colour: true });
    expect(prepareTerminalEnv({ NO_COLOR: '1', FORCE_COLOR: '1' })).toEqual({ colour: true });
    expect(prepareTerminalEnv({ FORCE_COLOR: '0' })).toEqual({ colour: false });
    expect(prepareTerminalEnv({ FORCE_COLOR: 'false' })).toEqual({ colour: false });
    expect(prepareTerminalEnv({ FORCE_COLOR: '' })).toEqual({ colour: true });
  });
});
