/**
 * The node-cpu backend: onnxruntime-node's CPU execution provider, in the worker process itself, so
 * its peak RSS belongs to this one config (the harness runs each config in a fresh process).
 */
import type { Backend, TranscribeOk, TranscribeRequest } from '@parakeet-bench/core';
import { CACHED_ENCODER_NOTE, loadParakeet, nowMs, phase, transcribePasses } from '@parakeet-bench/core';
import { mappedWeightsNote } from './mapped-weights-note.ts';
import { nodeModelSource, ortNodeVersion } from './node-source.ts';

/** Peak resident set of this process so far, in bytes (getrusage maxrss is KiB on Linux). */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Loads the variant with onnxruntime-node and runs every pass over the clips in this process. */
async function transcribeInProcess(req: TranscribeRequest): Promise<TranscribeOk> {
  // The clips are already in memory: the baseline excludes audio, the peak covers model and inference.
  const baselineRssBytes = process.memoryUsage().rss;
  const t0 = nowMs();
  const model = await phase('load', () => loadParakeet(nodeModelSource(req.variant.dir, { threads: req.threads }), req.variant));
  const loadMs = nowMs() - t0;
  try {
    const run = await transcribePasses(model, req.clips, req.decoder, {
      repeats: req.repeats,
      ...(req.batchSize !== undefined ? { batchSize: req.batchSize } : {}),
      progress: req.progress,
      ...(req.cache ? { cache: req.cache } : {}),
    });
    const peak = peakRssBytes();
    const cachedEncoder = run.encoderCache === 'hit' || run.encoderCache === 'partial';
    const mapped = await mappedWeightsNote(req.variant);
    return {
      status: 'ok',
      passes: run.passes,
      variant: req.variant,
      vocabSize: model.vocab.size,
      loadMs,
      memory: { peakRssBytes: peak, baselineRssBytes, modelRssBytes: peak - baselineRssBytes, source: 'node process (getrusage maxrss)' },
      runtime: { runtime: 'onnxruntime-node', runtimeVersion: ortNodeVersion() },
      notes: [...(cachedEncoder ? [CACHED_ENCODER_NOTE] : []), ...(mapped ? [mapped] : [])],
      decoderCalls: model.joint.calls,
      decoderRows: model.joint.rows,
      featureCache: run.featureCache,
      encoderCache: run.encoderCache,
    };
  } finally {
    await model.release();
  }
}

/** onnxruntime-node on the CPU. */
export const nodeCpuBackend: Backend = { transcribe: transcribeInProcess };
