import { access, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import ort from 'onnxruntime-node';
import type { InferenceSession, ModelSource, OrtSessionLike, OrtTensorCtor } from '@parakeet-bench/core';
import { WARM_UP_IO, checkWarmUp, warmUpGraph, wrapOrtSession } from '@parakeet-bench/core';
import { openNativeSession } from './native-session.ts';

/** Session options the node-cpu backend varies. */
export interface NodeSessionOptions {
  /** intra-op threads; 0 lets onnxruntime choose. */
  readonly threads: number;
  /** Wraps each raw onnxruntime session before adaptation (benchmarks time the bare run() calls). */
  readonly wrap?: (session: OrtSessionLike, file: string) => OrtSessionLike;
  /**
   * Run through onnxruntime-node's public `session.run` (one event-loop turn per run) instead of its
   * native binding (native-session.ts); for comparisons. Default false.
   */
  readonly publicRun?: boolean;
}

/**
 * The onnxruntime session options of every node-cpu graph (benchmarks open bare sessions with the
 * same). `threads` intra-op threads (0: onnxruntime chooses), one inter-op thread.
 */
export function nodeSessionOptions(threads: number): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  };
}

/**
 * Opens one graph with onnxruntime-node's CPU execution provider, through its native binding when
 * available (no event-loop turn per run, see native-session.ts), else its public API.
 */
export async function openNodeSession(path: string, options: NodeSessionOptions): Promise<InferenceSession> {
  const native = options.publicRun ? null : openNativeSession(path, nodeSessionOptions(options.threads));
  const session = native ?? ((await ort.InferenceSession.create(path, nodeSessionOptions(options.threads))) as unknown as OrtSessionLike);
  // onnxruntime-node writes into pre-allocated output tensors passed as fetches, so bound decoder
  // outputs (greedy's logits and states) need no copy on our side.
  return wrapOrtSession(options.wrap ? options.wrap(session, basename(path)) : session, ort.Tensor as unknown as OrtTensorCtor, {
    preallocatedOutputs: true,
  });
}

/**
 * Initialises the runtime as the model's sessions will use it (same options) and runs core's warm-up
 * graph once, checking its answer: what is resident afterwards is the runtime baseline. Release the
 * session once the model is released.
 */
export async function warmUpNodeRuntime(options: NodeSessionOptions): Promise<{ release(): Promise<void> }> {
  const session = await ort.InferenceSession.create(warmUpGraph(), nodeSessionOptions(options.threads));
  const out = await session.run({ [WARM_UP_IO.input]: new ort.Tensor('float32', Float32Array.of(WARM_UP_IO.x), [1]) });
  checkWarmUp(out[WARM_UP_IO.output]?.data as Float32Array | undefined, 'onnxruntime-node');
  return session;
}

/** A model directory on disk, opened with onnxruntime-node (external data resolved beside the graph). */
export function nodeModelSource(dir: string, options: NodeSessionOptions): ModelSource {
  const root = resolve(dir);
  return {
    location: root,
    readText: (file) => readFile(join(root, file), 'utf8'),
    exists: async (file) => {
      try {
        await access(join(root, file));
        return true;
      } catch {
        return false;
      }
    },
    createSession: (file) => openNodeSession(join(root, file), options),
  };
}

/** onnxruntime-node's version, for the results environment block. */
export function ortNodeVersion(): string {
  return ort.env.versions?.node ?? ort.env.versions?.common ?? 'unknown';
}
