#!/usr/bin/env node
// Builds @tensorflow/tfjs-node's native addon from the TensorFlow C API inside the tensorflow-cpu
// Python wheel, for machines that cannot reach the host tfjs-node's own install script downloads
// libtensorflow from. Runs as the root postinstall; never fails the install: when no wheel can be
// had, the engine falls back to the wasm backend. Recipe and caveats: ../shared/ENGINE.md.
//
//   SCNN_SKIP_PROVISION=1     do nothing
//   SCNN_TF_WHEEL=FILE.whl    use this wheel instead of asking pip
//   SCNN_CACHE_DIR=DIR        where the extracted libraries are kept (default ~/.cache/scnn)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TF_WHEEL_VERSION = '2.21.0';
const TFJS_NODE_VERSION = '4.22.0';
// tfjs-node's install.js skips its download when this file exists in deps/lib.
const LIBTENSORFLOW_MARKER = 'libtensorflow.so.2.9.1';
const HEADER_DIRS = [
  'tensorflow/c',
  'tensorflow/core/platform',
  'tsl',
  'xla/tsl/c',
  'xla/tsl/platform',
];
const LIBRARIES = ['libtensorflow_cc.so.2', 'libtensorflow_framework.so.2'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (message) => console.log(`[provision-tfjs-node] ${message}`);

function findTfjsNodeDirs() {
  const store = path.join(root, 'node_modules', '.pnpm');
  if (!fs.existsSync(store)) return [];
  return fs
    .readdirSync(store)
    .filter((name) => name.startsWith(`@tensorflow+tfjs-node@${TFJS_NODE_VERSION}`))
    .map((name) => path.join(store, name, 'node_modules', '@tensorflow', 'tfjs-node'))
    .filter((dir) => fs.existsSync(path.join(dir, 'package.json')));
}

function addonPath(dir) {
  return path.join(dir, 'lib', 'napi-v8', 'tfjs_binding.node');
}

/** Loads the addon in a child process, so a crash or a missing library cannot take this one down. */
function addonLoads(dir) {
  const file = addonPath(dir);
  if (!fs.existsSync(file)) return false;
  const result = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], {
    stdio: 'ignore',
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
    timeout: 60_000,
  });
  return result.status === 0;
}

function cacheDir() {
  const base = process.env.SCNN_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'scnn');
  return path.join(base, `tensorflow-cpu-${TF_WHEEL_VERSION}`);
}

function findWheel(tmp) {
  if (process.env.SCNN_TF_WHEEL) return process.env.SCNN_TF_WHEEL;
  const python = ['python3', 'python'].find((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!python) {
    log('no python found: cannot fetch the tensorflow-cpu wheel');
    return null;
  }
  log(`fetching tensorflow-cpu==${TF_WHEEL_VERSION} with pip`);
  const result = spawnSync(
    python,
    ['-m', 'pip', 'download', `tensorflow-cpu==${TF_WHEEL_VERSION}`, '--no-deps', '--only-binary=:all:', '-d', tmp, '-q'],
    { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 },
  );
  if (result.status !== 0) return null;
  const wheel = fs.readdirSync(tmp).find((name) => name.endsWith('.whl'));
  return wheel ? path.join(tmp, wheel) : null;
}

/** Extracts the two libraries and the C API headers into the cache (once per machine). */
function ensureExtracted() {
  const dir = cacheDir();
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-tf-wheel-'));
  try {
    const wheel = findWheel(tmp);
    if (!wheel) return null;
    if (!fs.existsSync(wheel)) {
      log(`wheel not found: ${wheel}`);
      return null;
    }
    const staging = `${dir}.partial-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    const script = `
import sys, zipfile, os
wheel, out, libs, headers = sys.argv[1], sys.argv[2], sys.argv[3].split(','), sys.argv[4].split(',')
z = zipfile.ZipFile(wheel)
for name in z.namelist():
    if name.endswith('/'):
        continue
    target = None
    if name.startswith('tensorflow/') and name[len('tensorflow/'):] in libs:
        target = os.path.join(out, 'lib', name[len('tensorflow/'):])
    elif name.startswith('tensorflow/include/'):
        rel = name[len('tensorflow/include/'):]
        if any(rel.startswith(h + '/') for h in headers):
            target = os.path.join(out, 'include', rel)
    if target:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with z.open(name) as src, open(target, 'wb') as dst:
            while True:
                chunk = src.read(1 << 22)
                if not chunk:
                    break
                dst.write(chunk)
`;
    log('extracting libtensorflow and headers from the wheel');
    execFileSync('python3', ['-c', script, wheel, staging, LIBRARIES.join(','), HEADER_DIRS.join(',')], {
      stdio: 'inherit',
    });
    fs.writeFileSync(path.join(staging, '.complete'), `${TF_WHEEL_VERSION}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    return dir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Hard link when possible (no copy of 850 MB), else copy. */
function linkOrCopy(from, to) {
  fs.rmSync(to, { force: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/** Replaces a file with a private copy: install.js rewrites package.json, which pnpm hard-links to its store. */
function unshare(file) {
  const copy = `${file}.scnn-tmp`;
  fs.copyFileSync(file, copy);
  fs.renameSync(copy, file);
}

function stageDeps(dir, extracted) {
  const deps = path.join(dir, 'deps');
  fs.rmSync(deps, { recursive: true, force: true });
  const lib = path.join(deps, 'lib');
  fs.mkdirSync(lib, { recursive: true });
  for (const name of LIBRARIES) linkOrCopy(path.join(extracted, 'lib', name), path.join(lib, name));
  fs.symlinkSync('libtensorflow_cc.so.2', path.join(lib, 'libtensorflow.so'));
  fs.symlinkSync('libtensorflow_cc.so.2', path.join(lib, LIBTENSORFLOW_MARKER));
  fs.symlinkSync('libtensorflow_framework.so.2', path.join(lib, 'libtensorflow_framework.so'));
  fs.cpSync(path.join(extracted, 'include'), path.join(deps, 'include'), { recursive: true });
}

/** node-pre-gyp drives node-gyp: take the one the package manager names, else npm's own. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.resolve(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    '/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  ];
  return candidates.find((file) => file && fs.existsSync(file));
}

function buildAddon(dir) {
  unshare(path.join(dir, 'package.json'));
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) {
    log('node-gyp not found (it ships with npm)');
    return false;
  }
  log(`building the addon in ${path.relative(root, dir)} (node-gyp, about 10–15 s)`);
  const result = spawnSync(process.execPath, ['scripts/install.js'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PATH: `${path.join(dir, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
      npm_config_node_gyp: nodeGyp,
      npm_config_nodedir: process.env.npm_config_nodedir || path.resolve(path.dirname(process.execPath), '..'),
      // node-pre-gyp first tries to download a prebuilt addon; fail that fast.
      npm_config_fallback_to_build: 'true',
    },
    timeout: 600_000,
  });
  return result.status === 0;
}

function main() {
  if (process.env.SCNN_SKIP_PROVISION === '1') return log('SCNN_SKIP_PROVISION=1: skipped');
  const dirs = findTfjsNodeDirs();
  if (dirs.length === 0) return log('@tensorflow/tfjs-node is not installed: nothing to do');
  const missing = dirs.filter((dir) => !addonLoads(dir));
  if (missing.length === 0) return log('tfjs-node addon already loads: nothing to do');
  let extracted;
  try {
    extracted = ensureExtracted();
  } catch (error) {
    log(`could not extract the tensorflow-cpu wheel (${String(error.message).split('\n')[0].slice(0, 120)}); the wasm backend will be used`);
    return;
  }
  if (!extracted) return log('no tensorflow-cpu wheel available; the wasm backend will be used');
  for (const dir of missing) {
    try {
      stageDeps(dir, extracted);
      if (buildAddon(dir) && addonLoads(dir)) log('tfjs-node addon built and loads: backend "tensorflow" available');
      else log('addon build failed; the wasm backend will be used');
    } catch (error) {
      log(`addon build failed (${error.message}); the wasm backend will be used`);
    }
  }
}

main();
