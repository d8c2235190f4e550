import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ReportAssets } from '../src/format/report/html.js';

/** The browser builds of cytoscape and the fcose layout, read from the installed packages. */
export function reportAssets(): ReportAssets {
  const require = createRequire(import.meta.url);
  const read = (spec: string) => readFileSync(require.resolve(spec), 'utf8');
  return {
    cytoscape: read('cytoscape/dist/cytoscape.min.js'),
    layoutBase: read('layout-base/layout-base.js'),
    coseBase: read('cose-base/cose-base.js'),
    fcose: read('cytoscape-fcose/cytoscape-fcose.js'),
  };
}
