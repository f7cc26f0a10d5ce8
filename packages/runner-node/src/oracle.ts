import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ParakeetModel } from '@parakeet-bench/core';
import { TARGET_SAMPLE_RATE, planSections, sliceSeconds, transcribe } from '@parakeet-bench/core';
import { writeJsonAtomic } from './atomic.ts';

/** The fp32 oracle's transcript of each long-pass section, each transcribed alone as a short clip. */
export const oracleFileSchema = z.object({
  dataset: z.string(),
  audio: z.string(),
  variant: z.string(),
  audioSec: z.number(),
  sectionSec: z.number(),
  sections: z.array(z.object({ index: z.number(), startSec: z.number(), endSec: z.number(), text: z.string() })),
});
/** Oracle transcripts of one long dataset. */
export type OracleFile = z.infer<typeof oracleFileSchema>;

/** Transcribes every section alone with the oracle model. */
export async function computeOracle(
  model: ParakeetModel,
  samples: Float32Array,
  meta: { dataset: string; audio: string; sectionSec: number },
  onProgress?: (done: number, total: number) => void,
): Promise<OracleFile> {
  const audioSec = samples.length / TARGET_SAMPLE_RATE;
  const plans = planSections(audioSec, meta.sectionSec);
  const sections = [];
  for (const p of plans) {
    const t = await transcribe(model, sliceSeconds(samples, p.startSec, p.endSec));
    sections.push({ ...p, text: t.text });
    onProgress?.(p.index + 1, plans.length);
  }
  return { dataset: meta.dataset, audio: meta.audio, variant: model.variant.id, audioSec, sectionSec: meta.sectionSec, sections };
}

/** Reads a cached oracle file; null when absent. Mismatched audio length or sections is an error. */
export async function readOracle(path: string): Promise<OracleFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const parsed = oracleFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path}: invalid oracle file; delete it to recompute`);
  return parsed.data;
}

/** Writes the oracle file atomically. */
export const writeOracle = (path: string, oracle: OracleFile): Promise<void> => writeJsonAtomic(path, oracle);
