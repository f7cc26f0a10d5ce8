/**
 * The files loading a variant reads, relative to its directory: config.json, vocab.txt, the three
 * graphs and every external-data file they name (exactly as the runtime resolves them), each with the
 * part of the model it belongs to.
 */
import { join, posix } from 'node:path';
import type { ModelVariant } from '@parakeet-bench/core';
import { preprocessorFileOf } from '@parakeet-bench/core';

/** Which part of the model a file belongs to. */
export type ModelFileRole = 'config' | 'vocab' | 'preprocessor' | 'encoder' | 'decoder';

/** One file a model load reads. */
export interface ModelFile {
  readonly file: string;
  readonly role: ModelFileRole;
}

/** Every file the variant's model loads, external data under its graph's role. */
export async function modelFilesOf(variant: ModelVariant): Promise<ModelFile[]> {
  const { scanOnnx } = await import('@parakeet-bench/runner-browser');
  const graphs: ModelFile[] = [
    { file: preprocessorFileOf(variant), role: 'preprocessor' },
    { file: variant.encoderFile, role: 'encoder' },
    { file: variant.decoderFile, role: 'decoder' },
  ];
  const files: ModelFile[] = [{ file: 'config.json', role: 'config' }, { file: 'vocab.txt', role: 'vocab' }, ...graphs];
  for (const graph of graphs) {
    const scan = await scanOnnx(join(variant.dir, graph.file)).catch(() => null);
    for (const location of scan?.externalLocations ?? []) files.push({ file: posix.join(posix.dirname(graph.file), location), role: graph.role });
  }
  return files.filter((f, i) => files.findIndex((g) => g.file === f.file) === i);
}
