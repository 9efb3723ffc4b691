// Progress with ETA for long loops: a cli-progress bar on a terminal, a line every few seconds
// otherwise (logs, CI), nothing when disabled.
import cliProgress from 'cli-progress';

export interface ProgressReporter {
  start(total: number, label: string): void;
  update(done: number, fields?: Record<string, string | number>): void;
  stop(): void;
}

export type ProgressOption = boolean | 'auto' | ProgressReporter;

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(rest).padStart(2, '0')}s` : `${rest}s`;
}

class BarReporter implements ProgressReporter {
  private bar = new cliProgress.SingleBar(
    {
      format: '{label} [{bar}] {value}/{total} | {extra} | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: false,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );

  start(total: number, label: string): void {
    this.bar.start(total, 0, { label, extra: '' });
  }

  update(done: number, fields: Record<string, string | number> = {}): void {
    this.bar.update(done, { extra: formatFields(fields) });
  }

  stop(): void {
    this.bar.stop();
  }
}

class LineReporter implements ProgressReporter {
  private total = 0;
  private label = '';
  private startedAt = 0;
  private lastPrint = 0;

  constructor(private readonly everyMs = 10_000) {}

  start(total: number, label: string): void {
    this.total = total;
    this.label = label;
    this.startedAt = Date.now();
    this.lastPrint = this.startedAt;
  }

  update(done: number, fields: Record<string, string | number> = {}): void {
    const now = Date.now();
    if (now - this.lastPrint < this.everyMs && done < this.total) return;
    this.lastPrint = now;
    const elapsed = (now - this.startedAt) / 1000;
    const eta = done > 0 ? (elapsed / done) * (this.total - done) : Number.NaN;
    process.stderr.write(`${this.label} ${done}/${this.total} | ${formatFields(fields)} | elapsed ${formatSeconds(elapsed)} ETA ${formatSeconds(eta)}\n`);
  }

  stop(): void {}
}

const silent: ProgressReporter = { start() {}, update() {}, stop() {} };

function formatFields(fields: Record<string, string | number>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key} ${typeof value === 'number' ? value.toPrecision(4) : value}`)
    .join(' ');
}

/** A reporter: a bar on a terminal, periodic lines elsewhere ('auto'), or none (false). */
export function createProgress(option: ProgressOption = 'auto'): ProgressReporter {
  if (typeof option === 'object') return option;
  if (option === false) return silent;
  if (option === true || process.stderr.isTTY) return process.stderr.isTTY ? new BarReporter() : new LineReporter();
  return new LineReporter();
}
