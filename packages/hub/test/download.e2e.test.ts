import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadFile } from '../src/download-file.ts';
import { listRepoFiles } from '../src/list-files.ts';
import type { RetryPolicy } from '../src/retry.ts';
import { downloadRepo, hubConfigFromEnv, HubError, type HubConfig, type ProgressEvent } from '../src/index.ts';
import { pseudoRandomBytes, startFakeHub, type FakeHub } from './fake-hub.ts';

const BIG = pseudoRandomBytes(3 * 1024 * 1024 + 17, 7); // multi-MB LFS file, odd length on purpose
const FILES = {
  'config.json': { content: Buffer.from('{"model_type":"nemo-conformer-tdt"}\n') },
  'vocab.txt': { content: Buffer.from('▁a 0\n<blk> 1\n') },
  'weights/big.bin': { content: BIG, lfs: true },
  'small.bin': { content: pseudoRandomBytes(5000, 3), lfs: true },
};
const REPO = 'acme/tiny-model';
const FAST: RetryPolicy = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 };
const NO_RETRY: RetryPolicy = { retries: 0, baseDelayMs: 1, maxDelayMs: 1 };

let hub: FakeHub;
let config: HubConfig;
let dir: string;

beforeAll(async () => {
  hub = await startFakeHub([
    { id: REPO, files: FILES },
    { id: 'acme/private', files: { 'secret.txt': { content: Buffer.from('s3cret') } }, token: 'hf_test_token' },
    { id: 'acme/hostile', files: { 'ok.txt': { content: Buffer.from('ok') } }, listedNames: ['ok.txt', '../evil.txt', '/etc/evil', 'a\\b.txt', 'nul\0.txt'] },
    { id: 'acme/speech-set', type: 'dataset', files: { 'data/test.tsv': { content: Buffer.from('id\ttext\n1\tbonjour\n') } } },
  ]);
  config = hubConfigFromEnv({ HF_ENDPOINT: hub.endpoint });
});
afterAll(() => hub.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-e2e-'));
  hub.log.length = 0;
  hub.faults.clear();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('downloadRepo against a local HF-shaped hub', () => {
  it('downloads every file byte-exact, verifies LFS sha256, reports progress, then skips on a second run', async () => {
    const events: ProgressEvent[] = [];
    const notices: string[] = [];
    const result = await downloadRepo({ repo: REPO }, dir, { config, retry: FAST, onProgress: (e) => events.push(e), onNotice: (n) => notices.push(n) });
    expect(result.commit).toBe(hub.commit);
    for (const [name, f] of Object.entries(FILES)) {
      expect((await readFile(join(dir, ...name.split('/')))).equals(f.content)).toBe(true);
    }
    const byFile = Object.fromEntries(result.files.map((f) => [f.file, f]));
    expect(byFile['weights/big.bin']?.integrity).toBe('verified');
    expect(byFile['config.json']?.integrity).toBe('unchecked');
    expect(notices.some((n) => n.includes('config.json') && n.includes('not a sha256'))).toBe(true);
    expect((await readdir(join(dir, 'weights'))).some((n) => n.endsWith('.partial'))).toBe(false);
    const big = events.filter((e) => e.file === 'weights/big.bin');
    expect(big.at(-1)).toMatchObject({ bytesDone: BIG.length, bytesTotal: BIG.length, finished: true });
    expect(big.map((e) => e.bytesDone)).toEqual([...big.map((e) => e.bytesDone)].sort((a, b) => a - b));
    // The token-less CDN never sees credentials and LFS files really went through it.
    expect(hub.log.some((r) => r.server === 'cdn' && r.url.includes('/blobs/'))).toBe(true);

    hub.log.length = 0;
    const again = await downloadRepo({ repo: REPO }, dir, { config, retry: FAST });
    expect(again.files.every((f) => f.status === 'skipped')).toBe(true);
    expect(hub.log.filter((r) => r.url.includes('/resolve/'))).toEqual([]);
  });

  it('resumes an interrupted download with a Range request and ends with the right bytes', async () => {
    hub.faults.set(`${REPO}/weights/big.bin`, { dropAfterBytes: 1_000_000 });
    const req = { repo: REPO, path: 'weights/big.bin', targetDir: dir };
    const err = await downloadFile(req, { config, retry: NO_RETRY }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubError);
    expect((err as HubError).kind).toBe('network');
    const partialSize = (await stat(join(dir, 'weights', 'big.bin.partial'))).size;
    expect(partialSize).toBeGreaterThan(0);
    expect(partialSize).toBeLessThan(BIG.length);
    await expect(stat(join(dir, 'weights', 'big.bin'))).rejects.toThrow();

    const done = await downloadFile(req, { config, retry: NO_RETRY });
    expect(done.integrity).toBe('verified');
    expect((await readFile(done.path)).equals(BIG)).toBe(true);
    const cdn = hub.log.filter((r) => r.server === 'cdn');
    expect(cdn.at(-1)).toMatchObject({ range: `bytes=${partialSize}-`, status: 206 });
  });

  it('retries a dropped connection within one call and resumes from where it stopped', async () => {
    hub.faults.set(`${REPO}/weights/big.bin`, { dropAfterBytes: 500_000, dropTimes: 2 });
    const retries: string[] = [];
    const done = await downloadFile({ repo: REPO, path: 'weights/big.bin', targetDir: dir }, { config, retry: FAST, onRetry: (e) => retries.push(e.kind) });
    expect(retries).toEqual(['network', 'network']);
    expect((await readFile(done.path)).equals(BIG)).toBe(true);
    expect(hub.log.filter((r) => r.server === 'cdn' && r.range !== undefined).length).toBe(2);
  });

  it('restarts from byte 0 when the server ignores Range (200)', async () => {
    await mkdir(join(dir, 'weights'));
    await writeFile(join(dir, 'weights', 'big.bin.partial'), BIG.subarray(0, 1234));
    hub.faults.set(`${REPO}/weights/big.bin`, { ignoreRange: true });
    const notices: string[] = [];
    const done = await downloadFile({ repo: REPO, path: 'weights/big.bin', targetDir: dir }, { config, retry: NO_RETRY, onNotice: (n) => notices.push(n) });
    expect((await readFile(done.path)).equals(BIG)).toBe(true);
    expect(notices.join('\n')).toMatch(/ignored the Range request/);
    expect(hub.log.find((r) => r.server === 'cdn')?.range).toBe('bytes=1234-');
  });

  it('places a partial that is already complete (server answers 416) after checking its sha256', async () => {
    await mkdir(join(dir, 'weights'));
    await writeFile(join(dir, 'weights', 'big.bin.partial'), BIG);
    const done = await downloadFile({ repo: REPO, path: 'weights/big.bin', targetDir: dir }, { config, retry: NO_RETRY });
    expect(done).toMatchObject({ status: 'downloaded', integrity: 'verified', bytes: BIG.length });
    expect(hub.log.find((r) => r.server === 'cdn')).toMatchObject({ range: `bytes=${BIG.length}-`, status: 416 });
    expect((await readFile(done.path)).equals(BIG)).toBe(true);
  });

  it('rejects corrupted bytes for a file with a published sha256, deletes the partial and places nothing', async () => {
    hub.faults.set(`${REPO}/weights/big.bin`, { corrupt: true });
    const err = await downloadFile({ repo: REPO, path: 'weights/big.bin', targetDir: dir }, { config, retry: FAST }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubError);
    expect((err as HubError).kind).toBe('integrity');
    expect((err as Error).message).toMatch(/weights\/big\.bin from acme\/tiny-model is corrupted: sha256/);
    expect(await readdir(join(dir, 'weights'))).toEqual([]);
  });

  it('retries 5xx with backoff and gives up with a clear message', async () => {
    hub.faults.set(`${REPO}/config.json`, { failTimes: 2, failStatus: 503 });
    const seen: number[] = [];
    await downloadFile({ repo: REPO, path: 'config.json', targetDir: dir }, { config, retry: FAST, onRetry: (e) => seen.push(e.status ?? 0) });
    expect(seen).toEqual([503, 503]);

    hub.faults.set(`${REPO}/vocab.txt`, { failTimes: 5, failStatus: 502 });
    await expect(downloadFile({ repo: REPO, path: 'vocab.txt', targetDir: dir }, { config, retry: { ...FAST, retries: 1 } }))
      .rejects.toThrow(/HTTP 502 .*vocab\.txt in repo acme\/tiny-model.*gave up after 2 attempts/);
  });

  it('names the repo and file on 404', async () => {
    await expect(downloadFile({ repo: REPO, path: 'nope.onnx', targetDir: dir }, { config, retry: FAST }))
      .rejects.toThrow(/404 Not Found: nope\.onnx in repo acme\/tiny-model \(revision main\) does not exist/);
    await expect(listRepoFiles({ repo: 'acme/missing' }, { config, retry: FAST })).rejects.toThrow(/404 Not Found: repo acme\/missing/);
  });

  it('explains 401 with HF_TOKEN, and sends the token to the hub but not to the CDN', async () => {
    const req = { repo: 'acme/private', path: 'secret.txt', targetDir: dir };
    await expect(downloadFile(req, { config, retry: FAST })).rejects.toThrow(/401 Unauthorized for secret\.txt in repo acme\/private.*Set HF_TOKEN/);
    const authed = hubConfigFromEnv({ HF_ENDPOINT: hub.endpoint, HF_TOKEN: 'hf_test_token' });
    const done = await downloadFile(req, { config: authed, retry: FAST });
    expect(await readFile(done.path, 'utf8')).toBe('s3cret');
    hub.log.length = 0;
    await downloadFile({ repo: REPO, path: 'small.bin', targetDir: dir }, { config: authed, retry: FAST });
    expect(hub.log.find((r) => r.server === 'hub')?.authorization).toBe('Bearer hf_test_token');
    expect(hub.log.find((r) => r.server === 'cdn')?.authorization).toBeUndefined();
  });

  it('refuses server file names that escape the target directory', async () => {
    const inner = join(dir, 'inner');
    await expect(downloadRepo({ repo: 'acme/hostile' }, inner, { config, retry: FAST }))
      .rejects.toThrow(/unsafe file names.*"\.\.\/evil\.txt".*"\/etc\/evil".*"a\\\\b\.txt".*"nul\\u0000\.txt"/s);
    expect(await readdir(dir)).toEqual([]);
    await expect(downloadFile({ repo: REPO, path: '../config.json', targetDir: inner }, { config })).rejects.toThrow(/refusing file name "\.\.\/config\.json"/);
  });

  it('honours HF_ENDPOINT and uses the dataset URL shapes for datasets', async () => {
    const cfg = hubConfigFromEnv({ HF_ENDPOINT: `${hub.endpoint}/` });
    expect(cfg.endpoint).toBe(hub.endpoint);
    const result = await downloadRepo({ repo: 'acme/speech-set', repoType: 'dataset' }, dir, { config: cfg, retry: FAST });
    expect(await readFile(result.files[0]!.path, 'utf8')).toContain('bonjour');
    expect(hub.log.map((r) => r.url.split('?')[0])).toEqual([
      '/api/datasets/acme/speech-set/revision/main',
      '/datasets/acme/speech-set/resolve/main/data/test.tsv',
    ]);
  });
});
