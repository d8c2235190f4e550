// @ts-nocheck — this function runs in the browser: it is embedded in the report with
// Function.prototype.toString, so it uses nothing from outside itself but the DOM and the data
// it is given. Names and counts are drawn on a canvas (text there is never markup) or set as
// textContent.
/* eslint-disable */

/**
 * The namespace × namespace heat map on a canvas: one row and one column per namespace (and per
 * outside range), a cell's colour the share of pod pairs allowed. Hovering a cell says what it
 * allows; clicking a cell or a row or column name calls `open` with the namespaces.
 * Returns `redraw(show)`, where `show(cell)` says whether a cell passes the page's filters,
 * and `centre(src, dst)`, the page position of a cell (for tests and keyboard users' scripts).
 */
export function heatMap(data, win, canvas, tip, open, describe) {
  const names = data.heat.nodes.map((n) => n[0]);
  const isRange = data.heat.nodes.map((n) => n[1] === 1);
  const N = names.length;
  const byPair = new Map(data.heat.cells.map((c, i) => [c[0] * N + c[1], i]));
  const ctx = canvas.getContext('2d');
  const font = '11px system-ui, sans-serif';
  ctx.font = font;
  const longest = names.reduce((m, n) => Math.max(m, ctx.measureText(n).width), 0);
  const box = canvas.parentElement.getBoundingClientRect();
  const avail = Math.max(200, box.width - 20);
  const label = Math.ceil(Math.min(220, longest + 8));
  // Up to 150 rows keep room for their names (the box scrolls); past that a row is a few pixels, named on hover.
  const cell = Math.max(N <= 150 ? 10 : 3, Math.min(40, Math.floor((avail - label) / Math.max(1, N))));
  const showLabels = cell >= 9;
  const margin = showLabels ? label : 4;
  const size = margin + N * cell;
  const ratio = win.devicePixelRatio || 1;
  canvas.width = Math.ceil(size * ratio);
  canvas.height = Math.ceil(size * ratio);
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  let visible = () => true;

  const shade = (f) => {
    // light blue (few pairs) to dark blue (every pair)
    const a = [219, 233, 246];
    const b = [31, 78, 153];
    return `rgb(${a.map((x, i) => Math.round(x + (b[i] - x) * f)).join(',')})`;
  };
  function redraw(show) {
    if (show) visible = show;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size, size);
    ctx.fillStyle = '#fafafa';
    ctx.fillRect(margin, margin, N * cell, N * cell);
    for (const c of data.heat.cells) {
      if (!visible(c)) continue;
      ctx.fillStyle = c[3] >= c[4] ? shade(1) : shade(0.15 + 0.7 * (c[3] / Math.max(1, c[4])));
      ctx.fillRect(margin + c[1] * cell, margin + c[0] * cell, cell - (cell > 4 ? 1 : 0), cell - (cell > 4 ? 1 : 0));
    }
    if (cell >= 34) {
      // Big enough for words: "all", or allowed/pairs.
      const short = (n) => (n >= 1e6 ? `${Math.round(n / 1e5) / 10}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k` : String(n));
      ctx.font = '10px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (const c of data.heat.cells) {
        if (!visible(c)) continue;
        ctx.fillStyle = c[3] >= c[4] ? '#fff' : '#123';
        ctx.fillText(c[3] >= c[4] ? 'all' : `${short(c[3])}/${short(c[4])}`, margin + c[1] * cell + cell / 2, margin + c[0] * cell + cell / 2, cell - 4);
      }
    }
    if (cell >= 6) {
      ctx.strokeStyle = '#bbb';
      for (let i = 0; i < N; i++) ctx.strokeRect(margin + i * cell + 0.5, margin + i * cell + 0.5, cell - 1, cell - 1);
    }
    if (!showLabels) return;
    ctx.font = font;
    ctx.textBaseline = 'middle';
    for (let i = 0; i < N; i++) {
      ctx.fillStyle = isRange[i] ? '#777' : '#222';
      ctx.textAlign = 'right';
      ctx.fillText(clip(names[i]), margin - 4, margin + i * cell + cell / 2);
      ctx.save();
      ctx.translate(margin + i * cell + cell / 2, margin - 4);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'left';
      ctx.fillText(clip(names[i]), 0, 0);
      ctx.restore();
    }
  }
  function clip(s) {
    if (ctx.measureText(s).width <= label - 8) return s;
    let t = s;
    while (t.length > 1 && ctx.measureText(`${t}…`).width > label - 8) t = t.slice(0, -1);
    return `${t}…`;
  }
  function at(ev) {
    const r = canvas.getBoundingClientRect();
    const x = ev.clientX - r.left - margin;
    const y = ev.clientY - r.top - margin;
    const col = Math.floor(x / cell);
    const row = Math.floor(y / cell);
    return { row: y >= 0 && row < N ? row : -1, col: x >= 0 && col < N ? col : -1, inLabels: x < 0 || y < 0 };
  }
  function cellText(row, col) {
    const i = byPair.get(row * N + col);
    const c = i === undefined ? undefined : data.heat.cells[i];
    return `${names[row]} → ${names[col]}: ${c && visible(c) ? describe(c) : 'nothing allowed'}`;
  }
  canvas.addEventListener('mousemove', (ev) => {
    const { row, col } = at(ev);
    if (row < 0 && col < 0) return void (tip.textContent = '');
    if (row < 0 || col < 0) tip.textContent = `${names[row < 0 ? col : row]}: click to open its ${data.level === 'pod' ? 'pods' : 'workloads'}`;
    else tip.textContent = cellText(row, col);
  });
  canvas.addEventListener('mouseleave', () => (tip.textContent = ''));
  canvas.addEventListener('click', (ev) => {
    const { row, col } = at(ev);
    if (row < 0 && col < 0) return;
    const ends = row >= 0 && col >= 0 ? [row, col] : [row < 0 ? col : row];
    const namespaces = [...new Set(ends.filter((i) => !isRange[i]).map((i) => names[i]))];
    if (row >= 0 && col >= 0) tip.textContent = cellText(row, col);
    if (namespaces.length) open(namespaces);
  });
  function centre(src, dst) {
    const row = names.indexOf(src);
    const col = names.indexOf(dst);
    // Scrolled into view first: the map may be bigger than its box.
    const box = canvas.parentElement;
    box.scrollLeft = Math.max(0, canvas.offsetLeft + margin + col * cell - box.clientWidth / 2);
    box.scrollTop = Math.max(0, canvas.offsetTop + margin + row * cell - box.clientHeight / 2);
    const r = canvas.getBoundingClientRect();
    return { x: r.left + margin + (col + 0.5) * cell, y: r.top + margin + (row + 0.5) * cell };
  }
  redraw();
  return { redraw, centre, cell };
}
