/**
 * The node-cpu backend: onnxruntime-node's CPU execution provider, in the worker process itself, so
 * its memory belongs to this one config (the harness runs each config in a fresh process). Memory
 * follows core's MemoryMeter: runtime baseline after a warm-up session, model after the sessions
 * exist, then each clip's encode and decode phase.
 */
import type { Backend, TranscribeOk, TranscribeRequest } from '@parakeet-bench/core';
import { CACHED_ENCODER_NOTE, MemoryMeter, loadParakeet, nowMs, phase, transcribePasses } from '@parakeet-bench/core';
import { mappedWeightsNote } from './mapped-weights-note.ts';
import { nodeModelSource, ortNodeVersion, warmUpNodeRuntime } from './node-source.ts';
import { selfMemoryProbe } from './self-memory.ts';

/** Loads the variant with onnxruntime-node and runs every pass over the clips in this process. */
async function transcribeInProcess(req: TranscribeRequest): Promise<TranscribeOk> {
  // The clips are already in memory: the runtime baseline includes the audio, never the model.
  const meter = new MemoryMeter(await selfMemoryProbe());
  const warm = await phase('load', () => warmUpNodeRuntime({ threads: req.threads }));
  try {
    await meter.runtimeReady();
    const t0 = nowMs();
    const model = await phase('load', () => loadParakeet(nodeModelSource(req.variant.dir, { threads: req.threads }), req.variant));
    const loadMs = nowMs() - t0;
    await meter.modelLoaded();
    try {
      const run = await transcribePasses(model, req.clips, req.decoder, {
        repeats: req.repeats,
        ...(req.batchSize !== undefined ? { batchSize: req.batchSize } : {}),
        progress: req.progress,
        meter,
        ...(req.cache ? { cache: req.cache } : {}),
      });
      const mapped = await mappedWeightsNote(req.variant);
      const cachedEncoder = run.encoderCache === 'hit' || run.encoderCache === 'partial';
      return {
        status: 'ok',
        passes: run.passes,
        variant: req.variant,
        vocabSize: model.vocab.size,
        loadMs,
        memory: meter.reading(),
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
  } finally {
    await warm.release();
  }
}

/** onnxruntime-node on the CPU. */
export const nodeCpuBackend: Backend = { transcribe: transcribeInProcess };
