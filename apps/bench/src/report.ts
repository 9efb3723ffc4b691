// REPORT.md: per domain, parameters and metrics of CNN vs SCNN (mean ± standard deviation over seeds),
// seconds per epoch and inference time, the parameters-vs-accuracy plot, and the layer benchmark.
import type { LayerBenchmarkRow } from '@scnn/core';
import type { BaselineRow, BenchRow, DomainResult } from './rows.js';

export interface Environment {
  date: string;
  profile: string;
  backend: string;
  tfjsVersion: string;
  node: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  versions: Record<string, string>;
  commit?: string;
  dataDir: string;
  command: string;
}

const DOMAIN_TITLES: Record<string, string> = { recsys: 'Sequential recommendation (CosRec vs SCosRec)', rna: 'RNA secondary structure', protein: 'Protein contact maps' };

export function meanAndDeviation(values: number[]): { mean: number; sd: number | null } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (values.length < 2) return { mean, sd: null };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

function formatStat(values: number[], digits: number): string {
  const { mean, sd } = meanAndDeviation(values);
  return sd == null ? mean.toFixed(digits) : `${mean.toFixed(digits)} ± ${sd.toFixed(digits)}`;
}

function domainTable(rows: BenchRow[], baselines: BaselineRow[] = []): string[] {
  const metricNames = Object.keys(rows[0]?.metrics ?? {});
  const lines = [
    `| dataset | model | seeds | parameters | conv parameters | ${metricNames.join(' | ')} | s / epoch | inference s |`,
    `|---|---|---:|---:|---:|${metricNames.map(() => '---:').join('|')}|---:|---:|`,
  ];
  const groups = new Map<string, BenchRow[]>();
  for (const row of rows) {
    const key = `${row.dataset}\u0000${row.model}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const cnn = rows.find((r) => r.dataset === first.dataset && r.model === 'cnn');
    const convShare = first.model === 'scnn' && cnn ? ` (${((first.params.conv / cnn.params.conv) * 100).toFixed(1)}%)` : '';
    lines.push(
      `| ${first.dataset} | ${first.model === 'scnn' ? 'SCNN' : 'CNN'} | ${group.map((r) => r.seed).join(', ')} | ${first.params.total.toLocaleString('en-US')} | ${first.params.conv.toLocaleString('en-US')}${convShare} | ${metricNames
        .map((m) => formatStat(group.map((r) => r.metrics[m]!), 4))
        .join(' | ')} | ${formatStat(group.map((r) => r.secondsPerEpoch), 1)} | ${formatStat(group.map((r) => r.inferenceSeconds), 2)} |`,
    );
  }
  for (const b of baselines) lines.push(`| ${b.dataset} | ${b.name} (baseline) | | 0 | 0 | ${metricNames.map((m) => (b.metrics[m] === undefined ? '' : b.metrics[m]!.toFixed(4))).join(' | ')} | | |`);
  return lines;
}

export function formatLayerRows(rows: LayerBenchmarkRow[]): string[] {
  return [
    '| backend | layer | L | C | plain conv2d (ms) | symmetric (ms) | ratio |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.backend} | ${r.layer} | ${r.L} | ${r.C} | ${r.plainMs.toFixed(1)} | ${r.symmetricMs.toFixed(1)} | ${r.ratio.toFixed(2)} |`),
  ];
}

export function formatReport(env: Environment, domains: DomainResult[], layers: LayerBenchmarkRow[] | null, plots: Record<string, string>): string {
  const out = [
    '# SCNN benchmark report',
    '',
    'Plain CNNs against their symmetric twins (SCNN) under the same training budget, on real data. Metrics are on each data set\'s test split at the epoch with the best validation score; "mean ± sd" is over seeds.',
    '',
    `- command: \`${env.command}\``,
    `- profile: **${env.profile}**; date ${env.date}`,
    `- machine: ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB; Node ${env.node}`,
    `- engine: TensorFlow.js ${env.tfjsVersion}, backend **${env.backend}**`,
    `- versions: ${Object.entries(env.versions).map(([name, version]) => `${name} ${version}`).join(', ')}${env.commit ? `; commit ${env.commit}` : ''}`,
    `- data: ${env.dataDir}`,
    '',
  ];
  for (const domain of domains) {
    out.push(`## ${domain.domain}: ${DOMAIN_TITLES[domain.domain] ?? domain.domain}`, '');
    if (domain.rows.length === 0) {
      out.push(`Not run: ${domain.note ?? 'no finished runs'}.`, '');
      continue;
    }
    if (domain.kept) out.push(`Not rerun by this command: the results in the folder from ${domain.date.slice(0, 10)}${domain.commit ? ` (commit ${domain.commit})` : ''}.`, '');
    if (domain.status === 'partial') out.push('**Partial: the runs that finished; the domain was interrupted or is still running (a rerun completes it).**', '');
    out.push(...domainTable(domain.rows, domain.baselines), '');
    out.push(`${domain.rows.length} runs in ${(domain.seconds / 60).toFixed(1)} min (${domain.date}).`, '');
    if (plots[domain.domain]) out.push(`![parameters vs ${domain.primaryMetric}](${plots[domain.domain]}.svg) ([PNG](${plots[domain.domain]}.png))`, '');
  }
  out.push('## Layer benchmark', '', 'Forward + backward time of each symmetric layer against a plain conv2d of the same shape (median of repeats; `scnn bench layers` for other sizes).', '');
  out.push(...(layers ? formatLayerRows(layers) : ['Not run.']), '');
  return out.join('\n');
}
