/**
 * The page's file readers run unchanged in Node (fetch, Response and streams are the same APIs), so
 * their error paths are tested here against a server that misbehaves on purpose.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelFileError } from '@parakeet-bench/core';
import { FILE_READERS, probeArrayBuffer } from './model-loaders.ts';

let origin = '';
const server = createServer((req, res) => {
  const body = Buffer.alloc(1000, 7);
  if (req.url === '/ok') {
    res.writeHead(200, { 'Content-Length': body.length });
    res.end(body);
  } else if (req.url === '/short') {
    // Promises 5000 bytes, sends 1000, then hangs up.
    res.writeHead(200, { 'Content-Length': 5000 });
    res.write(body, () => res.destroy());
  } else {
    res.writeHead(404);
    res.end();
  }
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const ref = (path: string) => ({ url: `${origin}${path}`, display: `/models/m${path}.data` });

describe('page file readers', () => {
  it.each(['array-buffer', 'stream'] as const)('%s reads a whole file', async (loader) => {
    const bytes = await FILE_READERS[loader].graph(ref('/ok'), 10_000);
    expect(bytes.length).toBe(1000);
    expect(bytes.every((b) => b === 7)).toBe(true);
  });

  it.each(['array-buffer', 'stream'] as const)('%s names the file on disk and the HTTP status', async (loader) => {
    const e = await FILE_READERS[loader].graph(ref('/gone'), 10_000).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ModelFileError);
    expect((e as Error).message).toBe(`/models/m/gone.data: fetch failed (HTTP 404 for ${origin}/gone)`);
  });

  it('names a request that never got a response', async () => {
    const e = await FILE_READERS.stream.graph({ url: 'http://127.0.0.1:1/x', display: '/models/m/x.data' }, 10).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/^\/models\/m\/x\.data: fetch failed \(TypeError: fetch failed\)$/);
  });

  it('array-buffer: a body that fails past the ceiling is blamed on the ceiling, with both fixes', async () => {
    const e = await FILE_READERS['array-buffer'].graph(ref('/short'), 4096).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(
      /^\/models\/m\/short\.data: Response\.arrayBuffer\(\) failed \(.*\): 5,000 bytes is over Chromium's ceiling of 4,096 for one Response\.arrayBuffer\(\); use the sharded export, or the stream or jspi-blob loader$/,
    );
    const under = await FILE_READERS['array-buffer'].graph(ref('/short'), 10_000).catch((x: unknown) => x);
    expect((under as Error).message).toMatch(/^\/models\/m\/short\.data: reading the response body failed \(/);
  });

  it('stream: a short body says how far it got', async () => {
    const e = await FILE_READERS.stream.graph(ref('/short'), 10).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/^\/models\/m\/short\.data: (reading the response body failed after 1,000 of 5,000 bytes|the body ended after 1,000 of 5,000 bytes)/);
  });

  it('jspi-blob reads external data as a Blob of the full size, and names a short body', async () => {
    const blob = await FILE_READERS['jspi-blob'].data(ref('/ok'), 10);
    expect(blob).toBeInstanceOf(Blob);
    expect((blob as Blob).size).toBe(1000);
    const e = await FILE_READERS['jspi-blob'].data(ref('/short'), 10).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/^\/models\/m\/short\.data: (reading the response body into a Blob failed|the body ended after 1,000 of 5,000 bytes)/);
  });

  it('probeArrayBuffer reads a synthetic body of the exact size', async () => {
    expect(await probeArrayBuffer(20 * 2 ** 20 + 3)).toEqual({ ok: true, bytes: 20 * 2 ** 20 + 3 });
  });
});
