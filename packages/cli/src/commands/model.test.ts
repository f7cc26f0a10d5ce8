import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ISTUPAKOV_REPO } from '@parakeet-bench/hub';
import { pseudoRandomBytes, startFakeHub, type FakeHub } from '@parakeet-bench/hub/testing';
import { UsageError } from '../command.ts';
import { modelCommand } from './model.ts';

const lfs = (n: number, seed: number) => ({ content: pseudoRandomBytes(n, seed), lfs: true });
let hub: FakeHub;
let root: string;
let out: string[];

beforeAll(async () => {
  hub = await startFakeHub([{
    id: ISTUPAKOV_REPO,
    files: {
      'config.json': { content: Buffer.from('{}') }, 'vocab.txt': { content: Buffer.from('a 0\n') }, 'nemo128.onnx': lfs(100, 1),
      'encoder-model.int8.onnx': lfs(2_000_000, 2), 'decoder_joint-model.int8.onnx': lfs(500, 3),
      'encoder-model.onnx': lfs(300, 4), 'encoder-model.onnx.data': lfs(1000, 5), 'decoder_joint-model.onnx': lfs(400, 6),
    },
  }]);
  process.env['HF_ENDPOINT'] = hub.endpoint;
});
afterAll(() => hub.close());
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bench-model-'));
  out = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

describe('bench model', () => {
  it('fetch downloads a composed variant into --dir/<owner__repo>', async () => {
    expect(await modelCommand.run(['fetch', 'int8', 'fp32+int8', '--dir', root])).toBe(0);
    const dir = join(root, 'istupakov__parakeet-tdt-0.6b-v3-onnx');
    expect((await readdir(dir)).sort()).toEqual(['config.json', 'decoder_joint-model.int8.onnx', 'encoder-model.int8.onnx', 'encoder-model.onnx', 'encoder-model.onnx.data', 'nemo128.onnx', 'vocab.txt']);
    expect(out.join('\n')).toMatch(/fp32\+int8: .*2 downloaded, 4 already present/);
  });

  it('list shows built-ins and which ones need configuring', async () => {
    expect(await modelCommand.run(['list'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^int8 +istupakov\/parakeet-tdt-0\.6b-v3-onnx@main {2}encoder-model\.int8\.onnx \+ decoder_joint-model\.int8\.onnx/m);
    expect(text).toMatch(/^smoothquant-int8 +\(not configured/m);
  });

  it('applies --registry and --revision', async () => {
    const reg = join(root, 'r.json');
    await writeFile(reg, JSON.stringify({ sources: { smoothquant: { repo: 'me/sq' } } }));
    await modelCommand.run(['list', '--registry', reg, '--revision', 'v9']);
    expect(out.join('\n')).toMatch(/^smoothquant-int8 +me\/sq@v9/m);
  });

  it('rejects bad usage and unknown variants before downloading', async () => {
    await expect(modelCommand.run([])).rejects.toBeInstanceOf(UsageError);
    await expect(modelCommand.run(['pull'])).rejects.toThrow(/unknown subcommand "pull"/);
    await expect(modelCommand.run(['fetch'])).rejects.toBeInstanceOf(UsageError);
    hub.log.length = 0;
    await expect(modelCommand.run(['fetch', 'int8', 'int4', '--dir', root])).rejects.toThrow(/unknown variant "int4"/);
    expect(hub.log).toEqual([]);
  });
});
