import type { BenchConfig, DecoderConfig, LongStrategy } from './schema.ts';
import { DEFAULT_MODEL_LOADER } from './schema.ts';

/** Default MAES settings (NeMo's). */
export const MAES_DEFAULTS = {
  numSteps: 2,
  prefixAlpha: 1,
  expansionBeta: 2,
  expansionGamma: 2.3,
  scoreNorm: true,
} as const;

/** Short decoder label: `greedy`, `maes-b4`, plus any non-default MAES settings. */
export function decoderSlug(d: DecoderConfig): string {
  if (d.kind === 'greedy') return d.maxTokensPerStep ? `greedy-m${d.maxTokensPerStep}` : 'greedy';
  const extra: string[] = [];
  if (d.numSteps !== MAES_DEFAULTS.numSteps) extra.push(`s${d.numSteps}`);
  if (d.prefixAlpha !== MAES_DEFAULTS.prefixAlpha) extra.push(`a${d.prefixAlpha}`);
  if (d.expansionBeta !== MAES_DEFAULTS.expansionBeta) extra.push(`b${d.expansionBeta}`);
  if (d.expansionGamma !== MAES_DEFAULTS.expansionGamma) extra.push(`g${d.expansionGamma}`);
  if (d.scoreNorm !== MAES_DEFAULTS.scoreNorm) extra.push('nonorm');
  return [`maes-b${d.beamWidth}`, ...extra].join('-');
}

/** How a thread count reads in labels: `auto threads` for 0 (the runtime decides), else `N thread(s)`. */
export function threadsLabel(threads: number): string {
  if (threads === 0) return 'auto threads';
  return `${threads} thread${threads === 1 ? '' : 's'}`;
}

/** A name as it appears in config ids and file names: runs of other characters become `_`. */
export function fileSafeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** `-stream` for a browser config on a non-default loader, else nothing (ids of default configs stay as they were). */
export function loaderSlug(c: Pick<BenchConfig, 'loader'>): string {
  return c.loader && c.loader !== DEFAULT_MODEL_LOADER ? `-${c.loader}` : '';
}

/** Short long-audio strategy label: `single`, or `chunked-w60-o10` (window and overlap in seconds). */
export function strategySlug(s: LongStrategy | undefined): string {
  return s?.strategy === 'chunked' ? `chunked-w${s.windowSec}-o${s.overlapSec}` : 'single';
}

/**
 * Stable, file-name-safe id of a config: dataset, variant, backend+threads(+loader), decoder, the
 * long-audio strategy only when it is not the single pass, and `bN` for a batch size N > 1 only, so
 * single-pass batch-1 ids (and the committed baselines keyed on them) never change.
 */
export function configId(c: Omit<BenchConfig, 'id'>): string {
  const parts = [fileSafeName(c.dataset), fileSafeName(c.variant), `${c.backend}-t${c.threads}${loaderSlug(c)}`, decoderSlug(c.decoder)];
  if (c.longStrategy) parts.push(fileSafeName(strategySlug(c.longStrategy)));
  if (c.batchSize !== undefined && c.batchSize !== 1) parts.push(`b${c.batchSize}`);
  return parts.join('__');
}

/** How a batch size reads in labels: empty for batch 1 (the default), else ` · batch N`. */
export function batchLabel(c: Pick<BenchConfig, 'batchSize'>, separator = ' · '): string {
  return c.batchSize !== undefined && c.batchSize !== 1 ? `${separator}batch ${c.batchSize}` : '';
}
