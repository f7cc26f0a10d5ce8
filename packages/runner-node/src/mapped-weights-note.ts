import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ModelVariant } from '@parakeet-bench/core';
import { MAPPED_WEIGHTS_NOTE } from '@parakeet-bench/core';

/**
 * The note for a variant whose encoder keeps its weights in external data (`<encoder>.data*` beside
 * it, as in the istupakov layout): onnxruntime-node maps those files instead of reading them, so they
 * count toward RSS only as far as inference touches them, unlike a browser's copy into the wasm heap.
 */
export async function mappedWeightsNote(variant: Pick<ModelVariant, 'dir' | 'encoderFile'>): Promise<string | null> {
  const dir = join(variant.dir, dirname(variant.encoderFile));
  const prefix = `${basename(variant.encoderFile)}.data`;
  const data = (await readdir(dir).catch(() => [])).filter((f) => f.startsWith(prefix)).sort();
  if (data.length === 0) return null;
  return (
    `${MAPPED_WEIGHTS_NOTE} (${data.join(', ')}): weights count toward RSS only once inference reads them, ` +
    'as file-backed pages, so this model RSS is not comparable with a browser backend\'s, which copies every weight into the wasm heap'
  );
}
