// Checkpoint files: one file holding named tensors (model weights, optimizer slots) and a JSON
// state, written to a temporary file, fsynced and renamed, so a killed run never leaves a torn one.
//
// Layout: "SCNNCKPT" | u32 version | u32 header bytes | header JSON | zero padding to 8 | tensor data
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { CheckpointError } from '../errors.js';

const MAGIC = 'SCNNCKPT';
const VERSION = 1;

export interface CheckpointTensor {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

export interface Checkpoint<State = unknown> {
  state: State;
  /** Tensors by group, e.g. `weights` and `optimizer`, in order. */
  groups: Record<string, CheckpointTensor[]>;
}

interface HeaderEntry {
  group: string;
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  offset: number;
  length: number;
}

/** Reads tensors' values into plain arrays (for a checkpoint). */
export async function snapshotTensors(named: { name: string; tensor: tf.Tensor }[]): Promise<CheckpointTensor[]> {
  return Promise.all(
    named.map(async ({ name, tensor }) => {
      const dtype = tensor.dtype === 'int32' ? 'int32' : 'float32';
      const data = await tensor.data();
      const values = dtype === 'int32' ? Int32Array.from(data as Int32Array) : Float32Array.from(data as Float32Array);
      return { name, shape: tensor.shape.slice(), dtype, values };
    }),
  );
}

/** Writes a checkpoint atomically: temp file in the same folder, fsync, rename. */
export function writeCheckpoint(file: string, checkpoint: Checkpoint): void {
  const entries: HeaderEntry[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [group, tensors] of Object.entries(checkpoint.groups)) {
    for (const t of tensors) {
      const bytes = Buffer.from(t.values.buffer, t.values.byteOffset, t.values.byteLength);
      entries.push({ group, name: t.name, shape: t.shape, dtype: t.dtype, offset, length: t.values.length });
      chunks.push(bytes);
      offset += bytes.byteLength;
    }
  }
  const header = Buffer.from(JSON.stringify({ state: checkpoint.state, tensors: entries }), 'utf8');
  const prefix = Buffer.alloc(16);
  prefix.write(MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(VERSION, 8);
  prefix.writeUInt32LE(header.byteLength, 12);
  const padding = Buffer.alloc((8 - ((16 + header.byteLength) % 8)) % 8);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    for (const part of [prefix, header, padding, ...chunks]) fs.writeSync(fd, part);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  try {
    const dir = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  } catch {
    // directories cannot be fsynced on every platform; the rename is still atomic
  }
}

export function readCheckpoint<State = unknown>(file: string): Checkpoint<State> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    throw new CheckpointError(file, 'cannot be read', { cause: error });
  }
  if (buffer.byteLength < 16 || buffer.toString('ascii', 0, 8) !== MAGIC) throw new CheckpointError(file, 'not an SCNN checkpoint (bad magic)');
  const version = buffer.readUInt32LE(8);
  if (version !== VERSION) throw new CheckpointError(file, `unsupported checkpoint version ${version} (expected ${VERSION})`);
  const headerLength = buffer.readUInt32LE(12);
  if (16 + headerLength > buffer.byteLength) throw new CheckpointError(file, 'truncated header');
  let header: { state: State; tensors: HeaderEntry[] };
  try {
    header = JSON.parse(buffer.toString('utf8', 16, 16 + headerLength));
  } catch (error) {
    throw new CheckpointError(file, 'corrupt header', { cause: error });
  }
  const dataStart = 16 + headerLength + ((8 - ((16 + headerLength) % 8)) % 8);
  const groups: Record<string, CheckpointTensor[]> = {};
  for (const entry of header.tensors) {
    const start = dataStart + entry.offset;
    const end = start + entry.length * 4;
    if (end > buffer.byteLength) throw new CheckpointError(file, `truncated data for tensor ${entry.name}`);
    const copy = buffer.buffer.slice(buffer.byteOffset + start, buffer.byteOffset + end);
    const values = entry.dtype === 'int32' ? new Int32Array(copy) : new Float32Array(copy);
    (groups[entry.group] ??= []).push({ name: entry.name, shape: entry.shape, dtype: entry.dtype, values });
  }
  return { state: header.state, groups };
}

/** Builds tensors from a checkpoint group (caller disposes). */
export function checkpointTensors(tensors: CheckpointTensor[]): { name: string; tensor: tf.Tensor }[] {
  return tensors.map((t) => ({ name: t.name, tensor: tf.tensor(t.values, t.shape, t.dtype) }));
}
