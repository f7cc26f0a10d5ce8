/**
 * Where a graph's own time goes, op by op: onnxruntime's profiler (session option enableProfiling)
 * over a few runs, kernel time summed per op type. bench:pipeline prints it for nemo128, which no
 * change on our side of session.run can make faster.
 */
import ort from 'onnxruntime-node';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeSessionOptions } from '../src/node-source.ts';

interface ProfileEvent {
  readonly cat: string;
  readonly name: string;
  readonly dur: number;
  readonly args?: { readonly op_name?: string };
}

/** Kernel milliseconds per op type per run of `feeds` through `path`, largest first. */
export async function opProfile(path: string, feeds: Record<string, ort.Tensor>, runs: number, threads = 1): Promise<{ op: string; ms: number }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pb-ort-profile-'));
  try {
    const options = { ...nodeSessionOptions(threads), enableProfiling: true, profileFilePrefix: join(dir, 'profile') };
    const session = await ort.InferenceSession.create(path, options);
    for (let i = 0; i < runs; i++) await session.run(feeds);
    session.endProfiling();
    await session.release();
    const [file] = await readdir(dir);
    if (!file) throw new Error(`op profile: onnxruntime wrote no profile into ${dir}`);
    const events = JSON.parse(await readFile(join(dir, file), 'utf8')) as ProfileEvent[];
    const byOp = new Map<string, number>();
    for (const e of events) {
      if (e.cat !== 'Node' || !e.name.endsWith('_kernel_time') || !e.args?.op_name) continue;
      byOp.set(e.args.op_name, (byOp.get(e.args.op_name) ?? 0) + e.dur / 1000 / runs);
    }
    return [...byOp].map(([op, ms]) => ({ op, ms })).sort((a, b) => b.ms - a.ms);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prints nemo128's kernel time per op type on one clip (what bounds every batch size). */
export async function printOpProfile(path: string, clip: Float32Array, label: string): Promise<void> {
  const feeds = { waveforms: new ort.Tensor('float32', clip, [1, clip.length]), waveforms_lens: new ort.Tensor('int64', BigInt64Array.of(BigInt(clip.length)), [1]) };
  const ops = await opProfile(path, feeds, 3);
  const total = ops.reduce((a, o) => a + o.ms, 0);
  const f1 = (x: number): string => x.toFixed(1);
  console.log(`\n== nemo128.onnx op profile (onnxruntime profiler, ${label}, mean of 3 runs): ${f1(total)} ms kernel time, ${((1000 * total) / (clip.length / 16)).toFixed(3)} ms per audio second`);
  console.log(ops.slice(0, 6).map((o) => `${o.op} ${f1(o.ms)} ms (${((100 * o.ms) / total).toFixed(1)}%)`).join(', '));
}
