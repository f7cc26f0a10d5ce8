/**
 * The example sweep files under bench/ must stay runnable: each parses, points at the directories
 * and file names `bench model fetch` / `bench data fetch` create, and the nightly sweep only needs
 * the variants the nightly workflow fetches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_REGISTRY, mergeRegistry, parseRegistryFile, repoDirName, resolveVariant } from '@parakeet-bench/hub';
import { FLEURS_DIR_NAME, parseSweepSpec, type SweepSpec } from '@parakeet-bench/harness';

const repo = join(import.meta.dirname, '../../..');
const bench = join(repo, 'bench');
const sweepFiles = readdirSync(bench).filter((n) => n.endsWith('-sweep.json')).sort();
const readSweep = (name: string): SweepSpec => parseSweepSpec(JSON.parse(readFileSync(join(bench, name), 'utf8')), name);
const registry = mergeRegistry(BUILTIN_REGISTRY, parseRegistryFile(readFileSync(join(bench, 'models.json'), 'utf8'), join(bench, 'models.json')));

/** `<models dir name>/<repo file>` of everything the given registry variants fetch. */
function fetchable(ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    const v = resolveVariant(id, registry);
    if (v.repo === undefined) throw new Error(`${id} is not a hub variant`);
    for (const f of v.files) out.add(`${repoDirName(v.repo)}/${f}`);
  }
  return out;
}

function variantFiles(spec: SweepSpec): string[] {
  return spec.variants.flatMap((v) => {
    const m = /^\.\.\/\.cache\/models\/([^/]+)$/.exec(v.dir);
    if (!m) throw new Error(`${v.id}: dir ${v.dir} is not ../.cache/models/<owner__repo> (where bench model fetch writes)`);
    return [`${m[1]}/${v.encoderFile}`, `${m[1]}/${v.decoderFile}`];
  });
}

describe('bench/ example files', () => {
  it('has the documented sweep files and each parses', () => {
    expect(sweepFiles).toEqual(['fleurs-fr-sweep.json', 'jfk-sweep.json', 'nightly-sweep.json']);
    for (const name of sweepFiles) {
      const spec = readSweep(name);
      const oracle = spec.variants.find((v) => v.id === spec.oracleVariant)!;
      expect(oracle, name).toMatchObject({ encoderFile: 'encoder-model.onnx', decoderFile: 'decoder_joint-model.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' });
    }
  });

  it('names only files the model registry (built-ins + bench/models.json) fetches, in the directories it creates', () => {
    const all = fetchable(Object.keys(registry.variants));
    for (const name of sweepFiles) {
      for (const file of variantFiles(readSweep(name))) expect(all, `${name}: ${file}`).toContain(file);
    }
  });

  it('points fleurs datasets at the snapshot bench data fetch writes by default', () => {
    for (const name of sweepFiles) {
      for (const d of readSweep(name).datasets) {
        if (d.kind === 'fleurs') expect(d.dir, name).toBe(`../.cache/datasets/${FLEURS_DIR_NAME}`);
      }
    }
  });

  it('the nightly sweep needs only what .github/workflows/nightly.yml fetches', () => {
    const workflow = readFileSync(join(repo, '.github/workflows/nightly.yml'), 'utf8');
    const env = (key: string) => new RegExp(`^\\s*${key}: (.+)$`, 'm').exec(workflow)?.[1]?.trim();
    expect(env('SWEEP_FILE')).toBe('bench/nightly-sweep.json');
    expect(env('MODEL_REGISTRY')).toBe('bench/models.json');
    const fetched = fetchable((env('MODEL_VARIANTS') ?? '').split(/\s+/));
    for (const file of variantFiles(readSweep('nightly-sweep.json'))) expect(fetched, file).toContain(file);
  });

  it('configures the SmoothQuant source, so its variants resolve', () => {
    for (const id of ['smoothquant-int8', 'fp16', 'fp32-sharded']) expect(resolveVariant(id, registry).repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
  });
});
