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

/** Writes `<base>.svg` and `<base>.png`; returns their paths. */
export async function writePlot(spec: vegaLite.TopLevelSpec, base: string): Promise<{ svg: string; png: string }> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  const write = (file: string, data: string | Uint8Array) => {
    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  };
  write(`${base}.svg`, svg);
  write(`${base}.png`, png);
  return { svg: `${base}.svg`, png: `${base}.png` };
}
