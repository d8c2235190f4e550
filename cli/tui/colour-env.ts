/**
 * What the colour detection (chalk's supports-color, read when ink loads) and ink's CI check
 * (is-in-ci) see in the environment. explore runs only at a terminal, where a person is waiting
 * for live frames in colour, so the CI markers are removed before ink loads — not set to 'false':
 * supports-color reads the mere presence of `CI` as "CI, no colour". NO_COLOR (no-color.org)
 * turns colours off but keeps bold and reverse video, so the selection still shows; FORCE_COLOR
 * is left to supports-color (FORCE_COLOR=0: no styling at all) and wins over NO_COLOR.
 */

/** Variables that make ink draw only a final frame, or supports-color give up colour. */
export const CI_MARKERS = ['CI', 'CONTINUOUS_INTEGRATION', 'TEAMCITY_VERSION', 'TF_BUILD'] as const;

/** Removes the CI markers from `env` (process.env in explore) and says whether to use colour. */
export function prepareTerminalEnv(env: Record<string, string | undefined>): { colour: boolean } {
  for (const name of CI_MARKERS) delete env[name];
  if (env.FORCE_COLOR !== undefined) return { colour: env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false' };
  return { colour: !env.NO_COLOR };
}
