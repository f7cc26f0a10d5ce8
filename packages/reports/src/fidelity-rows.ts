/**
 * What every reporter shows of encoder fidelity: one row per variant and backend setting (all its
 * decoder configs share one encoder output, hence one block), with the overall figures, the worst
 * section and each section's cosine.
 */
import type { BenchResult, EncoderFidelity } from '@parakeet-bench/core';
import { agreementRate, threadsLabel, worstCosine } from '@parakeet-bench/core';
import { configLabel, formatClock } from './format.ts';

/** One row of the fidelity table, as display strings. */
export interface FidelityRow {
  readonly variant: string;
  readonly setting: string;
  readonly oracle: string;
  readonly cosine: string;
  readonly relL2: string;
  readonly worst: string;
  readonly agreement: string;
  /** Long pass: each section's cosine. */
  readonly sections: readonly string[];
  readonly fidelity: EncoderFidelity;
  /** The first config of the row (configLabel), which picks its colour in charts. */
  readonly colourKey: string;
}

/** A cosine with four decimals. */
export const formatCosine = (c: number): string => c.toFixed(4);

const pct = (x: number | null): string => (x === null ? '–' : `${(100 * x).toFixed(2)} %`);

/** Rows for the results that carry fidelity, one per (variant, backend, threads, loader). */
export function fidelityRows(results: readonly BenchResult[]): FidelityRow[] {
  const seen = new Set<string>();
  const rows: FidelityRow[] = [];
  for (const r of results) {
    const f = r.encoderFidelity;
    if (!f) continue;
    const setting = `${r.config.backend} · ${threadsLabel(r.config.threads)}${r.config.loader ? ` · ${r.config.loader}` : ''}`;
    const key = `${r.config.variant}\u0000${setting}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const worst = worstCosine(f);
    const where = worst.section ? ` @ ${formatClock(worst.section.startSec)}–${formatClock(worst.section.endSec)}` : '';
    rows.push({
      variant: r.config.variant,
      setting,
      oracle: f.oracleVariant,
      cosine: formatCosine(f.overall.cosine),
      relL2: f.overall.relL2 === null ? '–' : f.overall.relL2.toFixed(4),
      worst: `${formatCosine(worst.cosine)}${where}`,
      agreement: pct(agreementRate(f.overall)),
      sections: (f.sections ?? []).map((s) => formatCosine(s.cosine)),
      fidelity: f,
      colourKey: configLabel(r),
    });
  }
  return rows;
}

/** What the fidelity table means. */
export const FIDELITY_LEGEND =
  "Encoder output against the oracle variant's on the same audio (both with onnxruntime-node): cosine similarity and relative L2 error with every frame of a span as one vector; joint agreement = share of the oracle's greedy decoder calls whose argmax token and duration stay the same when the oracle's decoder_joint reads this variant's encoder frame (docs/memory-and-fidelity.md).";
