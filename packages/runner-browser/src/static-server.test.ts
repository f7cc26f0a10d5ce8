import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from './static-server.ts';
import { startStaticServer } from './static-server.ts';

/** Sends a request line byte for byte (fetch and http.request would normalise the path). */
function rawGet(port: number, target: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const sock = connect(port, '127.0.0.1', () => sock.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let data = '';
    sock.on('data', (c) => (data += c.toString('latin1')));
    sock.on('error', reject);
    sock.on('end', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolvePromise({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body });
    });
  });
}

let base = '';
let server: StaticServer;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'static-server-'));
  await mkdir(join(base, 'model', 'sharded'), { recursive: true });
  await writeFile(join(base, 'model', 'vocab.txt'), 'a 0\n');
  await writeFile(join(base, 'model', 'sharded', 'encoder-model.onnx.data.000'), 'shard');
  await writeFile(join(base, 'model', 'x.wasm'), 'wasm');
  await writeFile(join(base, 'secret.txt'), 'SECRET');
  // Links inside the served model directory: one escaping it, one staying inside it.
  await symlink(join(base, 'secret.txt'), join(base, 'model', 'escape.onnx'));
  await symlink(join(base, 'model', 'vocab.txt'), join(base, 'model', 'alias.txt'));
  server = await startStaticServer({ roots: { '/model/': join(base, 'model') }, files: { '/': '<html></html>', '/app/page.js': 'export {}' } });
});
afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('symlinks in a served directory', () => {
  it('refuses a link that resolves outside the root, and serves one that stays inside', async () => {
    const escape = await rawGet(server.port, '/model/escape.onnx');
    expect(escape.status).toBe(403);
    expect(escape.body).toContain('resolves outside the served root');
    expect(escape.body).not.toContain('SECRET');
    const alias = await rawGet(server.port, '/model/alias.txt');
    expect(alias.status).toBe(200);
    expect(alias.body).toBe('a 0\n');
  });
});

describe('startStaticServer', () => {
  it('listens on 127.0.0.1 only, on an ephemeral port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves memory files and mapped roots with isolation headers and the right MIME types', async () => {
    const page = await fetch(`${server.origin}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await fetch(`${server.origin}/app/page.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    const wasm = await fetch(`${server.origin}/model/x.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const shard = await fetch(`${server.origin}/model/sharded/encoder-model.onnx.data.000`);
    expect(shard.headers.get('content-type')).toBe('application/octet-stream');
    expect(await shard.text()).toBe('shard');
    const head = await fetch(`${server.origin}/model/vocab.txt`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, '4']);
    expect((await fetch(`${server.origin}/model/missing.onnx`)).status).toBe(404);
    expect((await fetch(`${server.origin}/model/sharded`)).status).toBe(404);
    expect((await fetch(`${server.origin}/model/vocab.txt`, { method: 'POST' })).status).toBe(405);
    server.setFile('/audio/0.f32', new Uint8Array([1, 2, 3, 4]));
    expect(new Uint8Array(await (await fetch(`${server.origin}/audio/0.f32`)).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4]));
  });

  it.each([
    '/model/../secret.txt',
    '/model/%2e%2e/secret.txt',
    '/model/%2E%2E/secret.txt',
    '/model/..%2fsecret.txt',
    '/model/sharded%2f..%2f..%2fsecret.txt',
    '/model/sharded/../../secret.txt',
    `/model/${encodeURIComponent('/etc/passwd')}`,
    '/model//etc/passwd',
    '//etc/passwd',
    'http://127.0.0.1/model/../secret.txt',
    '/model/..\\secret.txt',
  ])('refuses traversal %s', async (target) => {
    const r = await rawGet(server.port, target);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.body).not.toContain('SECRET');
    expect(r.body).not.toContain('root:');
    expect(r.headers).toContain('cross-origin-embedder-policy: require-corp');
  });
});
