import { reportClient } from './client.js';
import { heatMap } from './heat-map.js';
import type { ReportData } from './report-data.js';

/** The browser libraries the page embeds (read by the CLI from node_modules). */
export interface ReportAssets {
  cytoscape: string;
  layoutBase: string;
  coseBase: string;
  fcose: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Script text must not close its own <script> element. */
const inline = (js: string) => js.replace(/<\/script/gi, '<\\/script');

/** A JavaScript string literal of any text that cannot end its <script> element (no `<` at all). */
const jsString = (text: string) => JSON.stringify(text).replace(/</g, '\\u003c');

/** One self-contained HTML file: no network needed to open it. */
export function formatReportHtml(data: ReportData, assets: ReportAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(data.title)}</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px/1.4 system-ui, sans-serif; color: #222; display: flex; flex-direction: column; height: 100vh; }
  header { padding: 8px 12px; border-bottom: 1px solid #ccc; background: #f7f7f7; }
  header h1 { font-size: 16px; margin: 0 0 4px; }
  #toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 6px 12px; border-bottom: 1px solid #ddd; }
  #toolbar details { position: relative; }
  #namespaces { position: absolute; z-index: 10; background: #fff; border: 1px solid #ccc; padding: 6px; max-height: 300px; overflow: auto; display: flex; flex-direction: column; }
  main { flex: 1; display: flex; min-height: 0; }
  #cy, #heat { flex: 1; min-width: 0; }
  #heat { overflow: auto; padding: 8px; position: relative; }
  #heat-tip { min-height: 1.4em; font-size: 12px; word-break: break-all; }
  #view-note { padding: 2px 12px; font-size: 12px; color: #555; border-bottom: 1px solid #eee; word-break: break-word; }
  aside { width: 420px; overflow: auto; border-left: 1px solid #ccc; padding: 8px 12px; }
  aside h3 { margin: 6px 0; font-size: 14px; word-break: break-all; }
  aside h4 { margin: 8px 0 2px; }
  pre { white-space: pre-wrap; font-size: 11px; background: #f6f8fa; padding: 6px; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; }
  td, th { border-bottom: 1px solid #eee; padding: 2px 4px; text-align: left; vertical-align: top; }
  tr.error td:first-child { color: #c0392b; } tr.warning td:first-child { color: #d98a00; }
  .legend span { display: inline-block; margin-right: 10px; }
  .sw { display: inline-block; width: 12px; height: 12px; border: 2px solid; vertical-align: middle; margin-right: 3px; }
</style>
</head>
<body>
<header>
  <h1>${esc(data.title)}</h1>
  <div>semantics: ${esc(data.semantics)} · ${Object.entries(data.counts).map(([k, v]) => `${v} ${esc(k)}`).join(' · ')}</div>
  ${data.notices?.length ? `<pre id="notices" style="background:#fff4e0;border-left:4px solid #d98a00">${esc(data.notices.join('\n'))}</pre>` : ''}
</header>
<div id="toolbar">
  <input id="search" type="search" placeholder="search a ${data.level === 'pod' ? 'pod' : 'workload'}" size="24">
  <button id="level" type="button">Show workloads</button>
  <details><summary>namespaces</summary><div id="namespaces"></div></details>
  <span>protocols: <label><input id="proto-TCP" type="checkbox" checked> TCP</label> <label><input id="proto-UDP" type="checkbox" checked> UDP</label> <label><input id="proto-SCTP" type="checkbox" checked> SCTP</label></span>
  <label>port <input id="port" type="number" min="1" max="65535" placeholder="any" style="width:6em"></label>
  <span class="legend"><span><i class="sw" style="border-color:#2a8a3a"></i>isolated both ways</span><span><i class="sw" style="border-color:#d98a00"></i>one way</span><span><i class="sw" style="border-color:#c0392b;border-style:dashed"></i>not isolated</span><span>◆ outside range</span><span style="color:#1f6fd1">→ reaches</span><span style="color:#e67e22">→ reached by</span></span>
</div>
<div id="view-note"></div>
<main>
  <div id="heat">
    <div class="legend">rows: from · columns: to · <span><i class="sw" style="background:rgb(31,78,153);border-color:rgb(31,78,153)"></i>every pod pair allowed</span><span><i class="sw" style="background:rgb(142,172,207);border-color:rgb(142,172,207)"></i>some</span><span><i class="sw" style="background:#fafafa;border-color:#ddd"></i>none</span> · click a cell or a name to open its ${data.level === 'pod' ? 'pods' : 'workloads'}</div>
    <div id="heat-tip"></div><canvas id="heat-canvas"></canvas>
  </div>
  <div id="cy" style="display:none"></div>
  <aside>
    <section id="details"></section>
    <h3>Summary</h3><table id="summary"></table>
    <h3>Lint findings</h3><table id="findings"></table>
    <h3>Reachable from outside the cluster</h3><ul id="exposed"></ul>
    <h3>Groups that all reach each other</h3><ul id="groups"></ul>
  </aside>
</main>
<script>
// The data as a JSON string: parsed faster than an object literal of the same size.
const NETPOL_REPORT = JSON.parse(${jsString(JSON.stringify({ ...data, graph: undefined }))});
${inline(reportClient.toString())}
// (a bundler may rename the function: the page calls it by this name)
var heatMap = ${inline(heatMap.toString())};
reportClient(NETPOL_REPORT, window);
</script>
<!-- What the graphs are drawn from (JSON as text), and the graph libraries: after the heat map, so
     the page is read and the heat map works before them; used when a graph is first opened. -->
<div id="netpol-graph" hidden>${esc(JSON.stringify(data.graph))}</div>
<script type="text/plain" class="netpol-lib">${inline(assets.cytoscape)}</script>
<script type="text/plain" class="netpol-lib">${inline(assets.layoutBase)}</script>
<script type="text/plain" class="netpol-lib">${inline(assets.coseBase)}</script>
<script type="text/plain" class="netpol-lib">${inline(assets.fcose)}</script>
</body>
</html>
`;
}
