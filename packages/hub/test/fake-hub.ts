/**
 * A Hugging Face-shaped HTTP server on 127.0.0.1 (ephemeral ports) for end-to-end tests. It mimics
 * what the real hub does and what the client relies on:
 * - `GET /api/{models|datasets}/{repo}/revision/{rev}` -> `{sha, siblings: [{rfilename, size, lfs?}]}`;
 * - `GET /[datasets/]{repo}/resolve/{rev}/{path}`: small (git) files answered directly with a
 *   40-hex git-blob ETag; LFS files answered with a 302 to a SEPARATE "CDN" server (another origin,
 *   like cas-bridge.xethub.hf.co) carrying `X-Linked-Etag: "<sha256>"` and `X-Linked-Size`;
 * - 401 without a valid bearer token for private repos, 404 with `X-Error-Code` for missing things;
 * - byte ranges (206 / 416), plus injectable faults: dropped connections, 5xx, ignored ranges and
 *   corrupted bytes.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One file of a fake repo. */
export interface FakeFile {
  content: Buffer;
  /** Served through the CDN redirect with a sha256 etag (real hub: files tracked by git-lfs). */
  lfs?: boolean;
}

/** Faults to inject for one file (keyed `<repo>/<path>`); counters decrement as they fire. */
export interface Fault {
  /** Send this many body bytes, then destroy the socket; `dropTimes` times (default 1). */
  dropAfterBytes?: number;
  dropTimes?: number;
  /** Answer `failStatus` (default 503) this many times. */
  failTimes?: number;
  failStatus?: number;
  /** Always answer 200 with the whole file, ignoring Range. */
  ignoreRange?: boolean;
  /** Serve bytes that do not match the announced sha256. */
  corrupt?: boolean;
}

/** One fake repo. */
export interface FakeRepo {
  id: string;
  type?: 'model' | 'dataset';
  files: Record<string, FakeFile>;
  /** Requires `Authorization: Bearer <token>`. */
  token?: string;
  /** Names to list instead of the real ones (to test hostile listings). */
  listedNames?: string[];
}

/** A request as the servers saw it. */
export interface LoggedRequest {
  server: 'hub' | 'cdn';
  url: string;
  range: string | undefined;
  authorization: string | undefined;
  status: number;
}

/** Running fake hub. */
export interface FakeHub {
  /** Base URL of the hub (use as HF_ENDPOINT). */
  readonly endpoint: string;
  readonly log: LoggedRequest[];
  readonly faults: Map<string, Fault>;
  readonly commit: string;
  close(): Promise<void>;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const gitBlobSha1 = (b: Buffer) => createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** Starts the hub and CDN servers serving `repos`. */
export async function startFakeHub(repos: FakeRepo[]): Promise<FakeHub> {
  const log: LoggedRequest[] = [];
  const faults = new Map<string, Fault>();
  const commit = 'c0ffee'.padEnd(40, '0');
  const blobs = new Map<string, string>(); // sha256 -> "<repo>/<path>"
  const byKey = new Map<string, FakeFile>();
  for (const r of repos) {
    for (const [p, f] of Object.entries(r.files)) {
      byKey.set(`${r.id}/${p}`, f);
      if (f.lfs) blobs.set(sha256(f.content), `${r.id}/${p}`);
    }
  }

  const record = (server: 'hub' | 'cdn', req: IncomingMessage, res: ServerResponse, status: number) => {
    log.push({ server, url: req.url ?? '', range: req.headers.range, authorization: req.headers.authorization, status });
    res.statusCode = status;
  };

  const serveBytes = (server: 'hub' | 'cdn', req: IncomingMessage, res: ServerResponse, key: string, file: FakeFile, headers: Record<string, string>) => {
    const fault = faults.get(key) ?? {};
    if (fault.failTimes && fault.failTimes > 0) {
      fault.failTimes--;
      record(server, req, res, fault.failStatus ?? 503);
      res.end('try later');
      return;
    }
    let body = file.content;
    if (fault.corrupt) {
      body = Buffer.from(body);
      body[body.length >> 1] = body[body.length >> 1]! ^ 0xff;
    }
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    let status = 200;
    if (m && !fault.ignoreRange) {
      const start = Number(m[1]);
      if (start >= body.length) {
        record(server, req, res, 416);
        res.setHeader('content-range', `bytes */${body.length}`);
        res.end();
        return;
      }
      res.setHeader('content-range', `bytes ${start}-${body.length - 1}/${body.length}`);
      body = body.subarray(start);
      status = 206;
    }
    record(server, req, res, status);
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.setHeader('content-length', String(body.length));
    res.setHeader('accept-ranges', 'bytes');
    const dropTimes = fault.dropTimes ?? 1;
    if (fault.dropAfterBytes !== undefined && dropTimes > 0) {
      fault.dropTimes = dropTimes - 1;
      res.flushHeaders();
      res.write(body.subarray(0, fault.dropAfterBytes), () => setTimeout(() => req.socket.destroy(), 20));
      return;
    }
    res.end(body);
  };

  const cdn = createServer((req, res) => {
    const sha = /^\/blobs\/([0-9a-f]{64})$/.exec(req.url ?? '')?.[1];
    const key = sha === undefined ? undefined : blobs.get(sha);
    if (!key) {
      record('cdn', req, res, 404);
      res.end();
      return;
    }
    serveBytes('cdn', req, res, key, byKey.get(key)!, { etag: `"cdn-${sha!.slice(0, 8)}"` });
  });
  const cdnBase = await listen(cdn);

  const hub = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    const api = /^\/api\/(models|datasets)\/(.+)\/revision\/([^/]+)$/.exec(url.pathname);
    const resolve = /^\/(datasets\/)?([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(path);
    const type = api ? (api[1] === 'datasets' ? 'dataset' : 'model') : resolve?.[1] ? 'dataset' : 'model';
    const repoId = api?.[2] ?? resolve?.[2];
    const repo = repos.find((r) => r.id === repoId && (r.type ?? 'model') === type);
    const fail = (status: number, code: string) => {
      record('hub', req, res, status);
      res.setHeader('x-error-code', code);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: code }));
    };
    if (!repo) return fail(api || resolve ? 404 : 400, 'RepoNotFound');
    if (repo.token && req.headers.authorization !== `Bearer ${repo.token}`) return fail(401, 'RepoNotFound');
    if (api) {
      record('hub', req, res, 200);
      res.setHeader('content-type', 'application/json');
      const names = repo.listedNames ?? Object.keys(repo.files);
      const siblings = names.map((rfilename) => {
        const f = repo.files[rfilename];
        if (!f) return { rfilename };
        const lfs = f.lfs ? { lfs: { sha256: sha256(f.content), size: f.content.length, pointerSize: 134 } } : {};
        return { rfilename, size: f.content.length, blobId: gitBlobSha1(f.content), ...lfs };
      });
      res.end(JSON.stringify({ id: repo.id, sha: commit, siblings }));
      return;
    }
    const file = repo.files[resolve![4]!];
    if (!file) return fail(404, 'EntryNotFound');
    const key = `${repo.id}/${resolve![4]}`;
    if (file.lfs) {
      const sha = sha256(file.content);
      record('hub', req, res, 302);
      res.setHeader('location', `${cdnBase}/blobs/${sha}`);
      res.setHeader('x-linked-etag', `"${sha}"`);
      res.setHeader('x-linked-size', String(file.content.length));
      res.setHeader('x-repo-commit', commit);
      res.end();
      return;
    }
    serveBytes('hub', req, res, key, file, { etag: `"${gitBlobSha1(file.content)}"`, 'x-repo-commit': commit });
  });
  const endpoint = await listen(hub);

  const closeOne = (s: Server) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); });
  return { endpoint, log, faults, commit, close: async () => { await closeOne(hub); await closeOne(cdn); } };
}

/** Deterministic pseudo-random bytes (tests compare exact content). */
export function pseudoRandomBytes(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
