import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-cli-rna-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function scnn(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const stderr = result.stderr.split('\n').filter((line) => line && !/absl::InitializeLog|oneDNN custom operations|^=+$|Hi, looks like|^\s*$/.test(line));
  return { status: result.status, stdout: result.stdout, stderr };
}

const labelled = path.join(dir, 'hairpins.dbn');
fs.writeFileSync(labelled, Array.from({ length: 12 }, (_, k) => `>h${k}\nGGG${'A'.repeat(3 + (k % 3))}CCC\n(((${'.'.repeat(3 + (k % 3))})))\n`).join(''));
const fasta = path.join(dir, 'two.fa');
fs.writeFileSync(fasta, '>a\nGGGAAACCC\n>b\nacgtacgt\n');

describe('scnn rna', () => {
  const out = path.join(dir, 'model');

  it('train → predict (dbn, bpseq, ct) → evaluate --json', () => {
    const train = scnn(['rna', 'train', '--train', labelled, '--validation', labelled, '--out', out, '--channels', '4', '--epochs', '1', '--crop', '16', '--no-progress']);
    expect(train.status).toBe(0);
    expect(train.stdout).toMatch(/^scnn: \d+ parameters, \d+ convolutional \(6\d\.\d% of the plain CNN's \d+\)/);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'model.json'), 'utf8')).config.features).toBe('basic');
    const dbn = scnn(['rna', 'predict', fasta, '--model-dir', out]);
    expect(dbn.status).toBe(0);
    const lines = dbn.stdout.trim().split('\n');
    expect(lines.filter((_, i) => i % 3 === 0)).toEqual(['>a', '>b']);
    expect(lines[4]).toBe('ACGUACGU');
    expect(lines[5]).toMatch(/^[.()[\]{}<>]{8}$/);
    const plotted = scnn(['rna', 'predict', fasta, '--model-dir', out, '--plot', path.join(dir, 'plot.svg')]);
    expect(plotted.status).toBe(0);
    for (const id of ['a', 'b']) expect(fs.readFileSync(path.join(dir, `plot-${id}.svg`), 'utf8')).toMatch(/^<svg[\s\S]*pair probabilities[\s\S]*<\/svg>$/);
    const png = scnn(['rna', 'predict', '--sequence', 'GGGAAACCC', '--model-dir', out, '--plot', path.join(dir, 'one.png')]);
    expect(png.status).toBe(0);
    expect([...fs.readFileSync(path.join(dir, 'one.png')).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const bpseq = scnn(['rna', 'predict', '--sequence', 'GGGAAACCC', '--format', 'bpseq', '--model-dir', out]);
    expect(bpseq.stdout.split('\n')[1]).toMatch(/^1 G \d+$/);
    const ct = scnn(['rna', 'predict', '--sequence', 'GGGAAACCC', '--format', 'ct', '--model-dir', out]);
    expect(ct.stdout.split('\n')[0]).toBe('9 sequence');
    const evaluated = scnn(['rna', 'evaluate', labelled, '--model-dir', out, '--json']);
    expect(evaluated.status).toBe(0);
    const result = JSON.parse(evaluated.stdout);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['f1', 'precision', 'recall', 'mcc', 'n', 'rows']));
    expect(result.n).toBe(12);
    // the decoding settings chosen on validation at training are the default; the flags override them
    const { decoder, threshold: chosen, lonelyPairs } = JSON.parse(fs.readFileSync(path.join(out, 'model.json'), 'utf8')).metadata;
    expect(chosen).toBeGreaterThanOrEqual(0.1);
    expect(chosen).toBeLessThanOrEqual(0.9);
    expect(typeof lonelyPairs).toBe('boolean');
    expect(['greedy', 'nested']).toContain(decoder);
    expect([result.decoder, result.threshold, result.lonelyPairs]).toEqual([decoder, chosen, lonelyPairs]);
    const other = decoder === 'greedy' ? 'nested' : 'greedy';
    const overridden = JSON.parse(scnn(['rna', 'evaluate', labelled, '--model-dir', out, '--json', '--decoder', other, '--threshold', '0.97', '--lonely-pairs', lonelyPairs ? 'forbid' : 'allow']).stdout);
    expect([overridden.decoder, overridden.threshold, overridden.lonelyPairs]).toEqual([other, 0.97, !lonelyPairs]);
    // select-decoding on validation data reports the choice, and with --write stores it in model.json
    const copy = path.join(dir, 'model-copy');
    fs.cpSync(out, copy, { recursive: true });
    const descriptor = JSON.parse(fs.readFileSync(path.join(copy, 'model.json'), 'utf8'));
    descriptor.metadata.threshold = 0.9;
    delete descriptor.metadata.decoder; // a model saved before decoders were selected: greedy
    fs.writeFileSync(path.join(copy, 'model.json'), JSON.stringify(descriptor));
    const selected = scnn(['rna', 'select-decoding', '--validation', labelled, '--model-dir', copy, '--write']);
    expect(selected.status).toBe(0);
    const choice = /chosen: (greedy|nested) decoder, threshold ([\d.]+), lonely pairs (allowed|forbidden), validation F1 [\d.]+/.exec(selected.stdout);
    expect(choice).not.toBeNull();
    expect(selected.stdout).toMatch(/best nested: nested decoder, threshold [\d.]+/);
    expect(selected.stdout).toContain("model's current settings: greedy decoder, threshold 0.9,");
    const rewritten = JSON.parse(fs.readFileSync(path.join(copy, 'model.json'), 'utf8')).metadata;
    expect([rewritten.decoder, rewritten.threshold]).toEqual([choice![1], Number(choice![2])]);
    expect(rewritten.decodingSelectedOn.sequences).toBe(12);
    expect(rewritten.decodingCurve).toHaveLength(68);
    // fine-tuning takes the architecture (4 channels, not the default 24) and the weights of --init-from
    const tunedDir = path.join(dir, 'tuned');
    const tuned = scnn(['rna', 'train', '--train', labelled, '--validation', labelled, '--out', tunedDir, '--init-from', out, '--epochs', '1', '--crop', '16', '--learning-rate', '1e-9', '--no-progress']);
    expect(tuned.status).toBe(0);
    expect(tuned.stdout.split(' parameters')[0]).toBe(train.stdout.split(' parameters')[0]);
    const tunedModel = JSON.parse(fs.readFileSync(path.join(tunedDir, 'model.json'), 'utf8'));
    expect(tunedModel.config.channels).toBe(4);
    expect(tunedModel.metadata.settings).toMatchObject({ initFrom: path.resolve(out), learningRate: 1e-9, channels: 4 });
    // an epoch at a negligible rate leaves the predictions as they were
    const f1s = (model: string) => JSON.parse(scnn(['rna', 'evaluate', labelled, '--model-dir', model, '--json', '--decoder', 'greedy', '--threshold', '0.5', '--lonely-pairs', 'allow']).stdout).rows.map((r: { f1: number }) => r.f1);
    expect(f1s(tunedDir)).toEqual(f1s(out));
  });

  it.each([
    [['rna', 'predict', '--sequence', 'GGG-CCC', '--model-dir', path.join(dir, 'model')], /--sequence: "-" at position 4 is not a nucleotide letter/],
    [['rna', 'predict', '--model-dir', path.join(dir, 'model')], /give either --sequence SEQ or a FASTA file/],
    [['rna', 'predict', '--sequence', 'GGGAAACCC', '--format', 'json', '--model-dir', path.join(dir, 'model')], /--format expects dbn, bpseq or ct/],
    [['rna', 'evaluate', fasta, '--model-dir', path.join(dir, 'model')], /no labelled structures/],
    [['rna', 'predict', '--sequence', 'GGGAAACCC', '--plot', 'x.pdf', '--model-dir', path.join(dir, 'model')], /--plot expects a \.svg or \.png/],
    [['rna', 'predict', '--sequence', 'GGGAAACCC', '--model-dir', path.join(dir, 'none')], /model\.json: not found/],
    [['rna', 'select-decoding', '--validation', labelled, '--write'], /--write needs --model-dir DIR/],
    [['rna', 'evaluate', labelled, '--lonely-pairs', 'never', '--model-dir', path.join(dir, 'model')], /--lonely-pairs expects allow or forbid, got "never"/],
    [['rna', 'evaluate', labelled, '--decoder', 'viterbi', '--model-dir', path.join(dir, 'model')], /--decoder expects greedy or nested, got "viterbi"/],
    [['rna', 'train', '--train', labelled, '--validation', labelled, '--out', path.join(dir, 'x'), '--features', 'fancy'], /--features expects basic or stacking, got "fancy"/],
    [['rna', 'train', '--train', labelled, '--validation', labelled, '--out', path.join(dir, 'x'), '--init-from', path.join(dir, 'model'), '--channels', '8'], /--channels 8 conflicts with --init-from .*model \(channels 4\); leave it out/],
    [['rna', 'train', '--train', labelled, '--validation', labelled, '--out', path.join(dir, 'x'), '--init-from', path.join(dir, 'none')], /--init-from: no such file/],
  ])('user error %j exits 2 with one line', (args, message) => {
    const { status, stderr } = scnn(args);
    expect(status).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
  });
});
