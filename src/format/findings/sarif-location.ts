import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STDIN } from '../../load/read-inputs.js';

/** The base of every artifact URI: the root of the repository (GitHub code scanning resolves it to the checkout). */
export const SRCROOT = 'SRCROOT';

export interface ArtifactLocation {
  uri?: string;
  uriBaseId?: string;
  description?: { text: string };
}

/** Where relative paths of the findings were read from, and the root URIs are written against. */
export interface SarifPaths {
  /** The repository root (absolute; default: the current folder). */
  root?: string;
  /** The folder relative paths are relative to (default: the current folder). */
  cwd?: string;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A relative URI reference for a path: each segment percent-encoded (spaces, `#`, `?`, controls). */
const uriReference = (path: string): string =>
  path
    .replace(/\\/g, '/')
    .replace(LONE_SURROGATE, '\ufffd')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');

/**
 * A finding's file as SARIF names it: a URI relative to SRCROOT for a file inside the root; an
 * absolute file: URI only for a file outside it (no repository can show that one anyway); for
 * standard input (`-f -`) no URI at all, only a description (the schema allows an
 * artifactLocation without one), since `<stdin>` is not a file anyone can open.
 */
export function artifactLocation(file: string, paths: SarifPaths = {}): ArtifactLocation {
  if (file === STDIN) return { description: { text: 'standard input (-f -)' } };
  const root = resolve(paths.root ?? process.cwd());
  const absolute = resolve(paths.cwd ?? process.cwd(), file);
  const rel = relative(root, absolute);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: uriReference(rel), uriBaseId: SRCROOT };
}
