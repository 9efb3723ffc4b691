// Parameters vs accuracy per domain, drawn with Vega-Lite (SVG from vega's headless renderer, PNG from
// that SVG with resvg).
import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { BenchRow } from './rows.js';

export function parameterAccuracySpec(rows: BenchRow[], metric: string, title: string): vegaLite.TopLevelSpec {
  const values = rows.map((r) => ({
    dataset: r.dataset,
    model: r.model === 'scnn' ? 'SCNN' : 'CNN',
    conv: r.params.conv,
    value: r.metrics[metric],
    seed: r.seed,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    data: { values },
    facet: { column: { field: 'dataset', type: 'nominal', title: null } },
    spec: {
      width: 260,
      height: 200,
      mark: { type: 'point', filled: true, size: 90 },
      encoding: {
        x: { field: 'conv', type: 'quantitative', title: 'convolution parameters', scale: { zero: false, padding: 30 } },
        y: { field: 'value', type: 'quantitative', title: `test ${metric}`, scale: { zero: false, padding: 20 } },
        color: { field: 'model', type: 'nominal', title: 'model', scale: { domain: ['CNN', 'SCNN'], range: ['#d62728', '#1f77b4'] } },
        shape: { field: 'model', type: 'nominal', title: 'model', scale: { domain: ['CNN', 'SCNN'], range: ['circle', 'square'] } },
        tooltip: [{ field: 'seed' }, { field: 'value', format: '.4f' }],
      },
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
    config: { font: 'DejaVu Sans', background: 'white' },
  } as vegaLite.TopLevelSpec;
}

/** SVG text of a Vega-Lite spec. */
export async function renderSvg(spec: vegaLite.TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

function writeAtomically(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

const svgToPng = (svg: string) => new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();

/** Writes one plot to `file`, as SVG or PNG by its extension. */
export async function writePlotFile(spec: vegaLite.TopLevelSpec, file: string): Promise<void> {
  const svg = await renderSvg(spec);
  writeAtomically(file, file.toLowerCase().endsWith('.png') ? svgToPng(svg) : svg);
}

/** Writes `<base>.svg` and `<base>.png`; returns their paths. */
export async function writePlot(spec: vegaLite.TopLevelSpec, base: string): Promise<{ svg: string; png: string }> {
  const svg = await renderSvg(spec);
  writeAtomically(`${base}.svg`, svg);
  writeAtomically(`${base}.png`, svgToPng(svg));
  return { svg: `${base}.svg`, png: `${base}.png` };
}

/**
 * An RNA's predicted structure: the pair-probability map (cells with p ≥ 0.01) beside an arc diagram of
 * the decoded pairs (each arc a sampled half circle drawn as a line).
 */
export function rnaStructureSpec(sequence: string, probabilities: ArrayLike<number>, pairs: [number, number][], title: string): vegaLite.TopLevelSpec {
  const n = sequence.length;
  const cells: { i: number; j: number; p: number }[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (probabilities[i * n + j]! >= 0.01) cells.push({ i: i + 1, j: j + 1, p: probabilities[i * n + j]! });
  const arcs: { pair: number; x: number; y: number; step: number }[] = [];
  pairs.forEach(([i, j], pair) => {
    for (let step = 0; step <= 16; step++) {
      const angle = Math.PI * (1 - step / 16);
      arcs.push({ pair, step, x: 1 + (i + j) / 2 + ((j - i) / 2) * Math.cos(angle), y: ((j - i) / 2) * Math.sin(angle) });
    }
  });
  const size = Math.min(600, Math.max(200, n * 2));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    hconcat: [
      {
        title: 'pair probabilities',
        width: size,
        height: size,
        data: { values: cells },
        transform: [
          { calculate: 'datum.i + 1', as: 'i2' },
          { calculate: 'datum.j + 1', as: 'j2' },
        ],
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'i', type: 'quantitative', scale: { domain: [1, n + 1] }, title: 'i' },
          x2: { field: 'i2' },
          y: { field: 'j', type: 'quantitative', scale: { domain: [n + 1, 1] }, title: 'j' },
          y2: { field: 'j2' },
          color: { field: 'p', type: 'quantitative', scale: { scheme: 'blues', domain: [0, 1] }, title: 'p' },
        },
      },
      {
        title: `arc diagram (${pairs.length} pairs)`,
        width: size,
        height: size / 2,
        data: { values: arcs },
        mark: { type: 'line', strokeWidth: 1 },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: { domain: [1, n] }, title: 'position' },
          y: { field: 'y', type: 'quantitative', axis: null },
          detail: { field: 'pair', type: 'nominal' },
          order: { field: 'step', type: 'quantitative' },
        },
      },
    ],
    config: { font: 'DejaVu Sans', background: 'white' },
  } as vegaLite.TopLevelSpec;
}

/**
 * A protein contact map: above the diagonal the 5L best-scored pairs (|i − j| ≥ 6), coloured by score;
 * below it, when a structure is given, the true contacts in grey and the top-L predictions marked as
 * hits (green) or misses (red).
 */
export function proteinContactSpec(
  length: number,
  scores: ArrayLike<number>,
  title: string,
  truth?: { contacts: ArrayLike<number>; mask: ArrayLike<number> },
): vegaLite.TopLevelSpec {
  const n = length;
  const ranked: { i: number; j: number; score: number }[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 6; j < n; j++) ranked.push({ i: i + 1, j: j + 1, score: scores[i * n + j]! });
  ranked.sort((a, b) => b.score - a.score);
  const predicted = ranked.slice(0, 5 * n).map((c) => ({ x: c.j, y: c.i, score: c.score }));
  const layers: Record<string, unknown>[] = [];
  // y runs downwards, as a matrix is read
  const axis = (field: string, title: string) => ({ field, type: 'quantitative', scale: { domain: field === 'y' ? [n + 0.5, 0.5] : [0.5, n + 0.5] }, title });
  if (truth) {
    const contacts: { x: number; y: number }[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 6; j < n; j++) if (truth.contacts[i * n + j] && truth.mask[i] && truth.mask[j]) contacts.push({ x: i + 1, y: j + 1 });
    const top = ranked.slice(0, n).map((c) => ({ x: c.i, y: c.j, hit: truth.contacts[(c.i - 1) * n + c.j - 1] ? 'true contact' : 'not a contact' }));
    layers.push(
      { data: { values: contacts }, mark: { type: 'square', size: 6, color: '#bbbbbb' }, encoding: { x: axis('x', 'residue'), y: axis('y', 'residue') } },
      {
        data: { values: top },
        mark: { type: 'point', size: 14, filled: true },
        encoding: {
          x: axis('x', 'residue'),
          y: axis('y', 'residue'),
          color: { field: 'hit', type: 'nominal', title: 'top-L prediction', scale: { domain: ['true contact', 'not a contact'], range: ['#2ca02c', '#d62728'] } },
        },
      },
    );
  }
  layers.unshift({
    data: { values: predicted },
    mark: { type: 'square', size: 6 },
    encoding: { x: axis('x', 'residue'), y: axis('y', 'residue'), color: { field: 'score', type: 'quantitative', scale: { scheme: 'blues' }, title: 'score' } },
  });
  const size = Math.min(600, Math.max(240, n * 2));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: size,
    height: size,
    layer: layers,
    resolve: { scale: { color: 'independent' } },
    config: { font: 'DejaVu Sans', background: 'white' },
  } as unknown as vegaLite.TopLevelSpec;
}
