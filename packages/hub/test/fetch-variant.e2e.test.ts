import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BUILTIN_REGISTRY,
  fetchVariant,
  hubConfigFromEnv,
  ISTUPAKOV_REPO,
  loadRegistryFile,
  mergeRegistry,
  resolveVariant,
  type DownloadOptions,
} from '../src/index.ts';
import { pseudoRandomBytes, startFakeHub, type FakeHub, type FakeFile } from './fake-hub.ts';

const text = (s: string): FakeFile => ({ content: Buffer.from(s) });
const blob = (n: number, seed: number): FakeFile => ({ content: pseudoRandomBytes(n, seed), lfs: true });
const BASE = { 'config.json': text('{"model_type":"nemo-conformer-tdt","features_size":128}'), 'vocab.txt': text('▁a 0\n<blk> 1\n'), 'nemo128.onnx': blob(3000, 1) };
const STOCK = {
  ...BASE,
  'encoder-model.onnx': blob(4000, 2),
  'encoder-model.onnx.data': blob(2 * 1024 * 1024, 3),
  'decoder_joint-model.onnx': blob(2000, 4),
  'encoder-model.int8.onnx': blob(1500, 5),
  'decoder_joint-model.int8.onnx': blob(700, 6),
};
const SEED_REPO = 'seed/parakeet-smoothquant';
const SEED = {
  ...STOCK,
  'encoder-model.int8.onnx': blob(1500, 50), // same name, different (SmoothQuant) bytes
  'encoder-model.fp16.onnx': blob(2500, 51),
  'sharded/encoder-model.onnx': blob(900, 52),
  'sharded/encoder-model.onnx.data.000': blob(600, 53),
  'sharded/encoder-model.onnx.data.001': blob(500, 54),
};

let hub: FakeHub;
let root: string;
let opts: DownloadOptions;
const resolves = () => hub.log.filter((r) => r.server === 'hub' && r.url.includes('/resolve/')).map((r) => r.url.replace(/^.*\/resolve\/[^/]+\//, ''));

beforeAll(async () => {
  hub = await startFakeHub([{ id: ISTUPAKOV_REPO, files: STOCK }, { id: SEED_REPO, files: SEED }]);
  opts = { config: hubConfigFromEnv({ HF_ENDPOINT: hub.endpoint }), retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } };
});
afterAll(() => hub.close());
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hub-variant-'));
  hub.log.length = 0;
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('fetchVariant', () => {
  it('downloads only the files the variant needs into <root>/<owner__name>/', async () => {
    const got = await fetchVariant(resolveVariant('int8'), root, opts);
    const dir = join(root, 'istupakov__parakeet-tdt-0.6b-v3-onnx');
    expect(got.dir).toBe(dir);
    expect((await readdir(dir)).sort()).toEqual(['config.json', 'decoder_joint-model.int8.onnx', 'encoder-model.int8.onnx', 'nemo128.onnx', 'vocab.txt']);
    expect((await readFile(got.encoderPath)).equals(STOCK['encoder-model.int8.onnx'].content)).toBe(true);
    expect(got.files.filter((f) => f.status === 'downloaded')).toHaveLength(5);
    expect(resolves()).not.toContain('encoder-model.onnx.data');
  });

  it('composes fp32 encoder + int8 decoder and skips files already complete', async () => {
    await fetchVariant(resolveVariant('int8'), root, opts);
    hub.log.length = 0;
    const got = await fetchVariant(resolveVariant('fp32+int8'), root, opts);
    expect(resolves().sort()).toEqual(['encoder-model.onnx', 'encoder-model.onnx.data']);
    expect((await readFile(join(got.dir, 'encoder-model.onnx.data'))).equals(STOCK['encoder-model.onnx.data'].content)).toBe(true);
    expect(got.decoderPath).toBe(join(got.dir, 'decoder_joint-model.int8.onnx'));
  });

  it('fetches SmoothQuant and sharded variants once the source is configured in a registry file', async () => {
    const regPath = join(root, 'my-registry.json');
    await writeFile(regPath, JSON.stringify({ sources: { smoothquant: { repo: SEED_REPO } } }));
    const reg = mergeRegistry(BUILTIN_REGISTRY, await loadRegistryFile(regPath));
    const sq = await fetchVariant(resolveVariant('smoothquant-int8', reg), root, opts);
    expect((await readFile(sq.encoderPath)).equals(SEED['encoder-model.int8.onnx'].content)).toBe(true);
    const sharded = await fetchVariant(resolveVariant('fp32-sharded', reg), root, opts);
    expect(sharded.encoderPath).toBe(join(root, 'seed__parakeet-smoothquant', 'sharded', 'encoder-model.onnx'));
    expect((await readdir(join(sharded.dir, 'sharded'))).sort()).toEqual(['encoder-model.onnx', 'encoder-model.onnx.data.000', 'encoder-model.onnx.data.001']);
  });

  it('names the repo and the missing files when the hub lacks a variant file', async () => {
    const file = join(root, 'r.json');
    await writeFile(file, JSON.stringify({ variants: [{ id: 'stock-fp16', repo: ISTUPAKOV_REPO, encoderFile: 'encoder-model.fp16.onnx', decoderFile: 'decoder_joint-model.fp16.onnx' }] }));
    const reg = mergeRegistry(BUILTIN_REGISTRY, await loadRegistryFile(file));
    await expect(fetchVariant(resolveVariant('stock-fp16', reg), root, opts))
      .rejects.toThrow(`repo ${ISTUPAKOV_REPO} (revision main) has no encoder-model.fp16.onnx, decoder_joint-model.fp16.onnx`);
  });

  it('uses local directories in place and lists missing files', async () => {
    const local = join(root, 'local-model');
    await mkdir(local);
    for (const f of ['config.json', 'vocab.txt', 'nemo128.onnx', 'e.onnx']) await writeFile(join(local, f), 'x');
    const file = join(root, 'r.json');
    await writeFile(file, JSON.stringify({ variants: [{ id: 'mine', localDir: './local-model', encoderFile: 'e.onnx', decoderFile: 'd.onnx' }] }));
    const reg = mergeRegistry(BUILTIN_REGISTRY, await loadRegistryFile(file));
    await expect(fetchVariant(resolveVariant('mine', reg), root, opts)).rejects.toThrow(`variant "mine": local directory ${local} lacks d.onnx`);
    await writeFile(join(local, 'd.onnx'), 'x');
    const got = await fetchVariant(resolveVariant('mine', reg), root, opts);
    expect(got.files.every((f) => f.status === 'local')).toBe(true);
    expect(hub.log).toEqual([]);
  });

  it('reports an unreadable registry path', async () => {
    await expect(loadRegistryFile(join(root, 'nope.json'))).rejects.toThrow(/cannot read registry file .*nope\.json \(ENOENT\); check the --registry path/);
  });
});
