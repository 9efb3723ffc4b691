// @scnn/bench: the harness that reproduces the CNN vs SCNN comparison, data resolution and fetching.
export { DataNotFoundError, dataCacheDir, resolveDataDir, sharedDataDir, type ResolveDataOptions, type ResolvedData } from './data/data-dir.js';
export { DataFetchError, fetchData, loadManifest, manifestFiles, type DataManifest, type FetchDataOptions, type FetchDataResult, type ManifestFile } from './data/fetch-data.js';
export { PROFILES, PROFILE_NAMES, type Profile, type ProfileName } from './profiles.js';
export { DOMAIN_NAMES, type BaselineRow, type BenchRow, type DomainName, type DomainResult } from './rows.js';
export { formatReport, meanAndDeviation } from './report.js';
export { parameterAccuracySpec, proteinContactSpec, renderSvg, rnaStructureSpec, writePlot, writePlotFile } from './plot.js';
export { runBench, type RunBenchOptions, type RunBenchResult } from './run-bench.js';
