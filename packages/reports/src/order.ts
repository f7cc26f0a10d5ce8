/** Display order of results in every report. */
import type { BenchResult } from '@parakeet-bench/core';

/** Stable display order: dataset, variant, backend, threads, decoder. */
export function sortResults(results: readonly BenchResult[]): BenchResult[] {
  return [...results].sort((a, b) => {
    const x = a.config;
    const y = b.config;
    return (
      x.dataset.localeCompare(y.dataset) ||
      x.variant.localeCompare(y.variant) ||
      x.backend.localeCompare(y.backend) ||
      x.threads - y.threads ||
      beamWidth(x.decoder) - beamWidth(y.decoder) ||
      x.id.localeCompare(y.id)
    );
  });
}

/** Beam width of a decoder config; greedy counts as 1. */
export function beamWidth(decoder: BenchResult['config']['decoder']): number {
  return decoder.kind === 'maes' ? decoder.beamWidth : 1;
}

/** Results grouped by dataset name, datasets in sorted order. */
export function byDataset(results: readonly BenchResult[]): Map<string, BenchResult[]> {
  const map = new Map<string, BenchResult[]>();
  for (const r of sortResults(results)) {
    const list = map.get(r.config.dataset) ?? [];
    list.push(r);
    map.set(r.config.dataset, list);
  }
  return map;
}
