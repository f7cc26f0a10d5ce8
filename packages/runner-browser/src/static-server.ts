/**
 * The loopback-only HTTP server the benchmark page is loaded from. It serves the page and bundle from
 * memory, onnxruntime-web's wasm files, the model directory and the decoded audio, always with the
 * cross-origin-isolation headers that wasm threads (SharedArrayBuffer) need.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, sep } from 'node:path';
import { resolveUnderRoot } from './safe-path.ts';

/** MIME types by extension; everything else (graphs, shards, raw audio) is octet-stream. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers on every response: COOP + COEP make the page crossOriginIsolated, CORP lets it embed ours. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** Content type of a file name. */
export function mimeTypeOf(name: string): string {
  if (name.endsWith('/')) return MIME_TYPES['.html']!; // a directory URL is the page itself
  return MIME_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** What to serve: directories under URL prefixes, plus exact paths held in memory. */
export interface StaticServerOptions {
  /** URL prefix ending in `/` (e.g. `/model/`) -> directory served below it. */
  readonly roots?: Readonly<Record<string, string>>;
  /** Exact URL path -> body served from memory. */
  readonly files?: Readonly<Record<string, Uint8Array | string>>;
}

/** A running server; `setFile` adds or replaces an in-memory body. */
export interface StaticServer {
  readonly origin: string;
  readonly port: number;
  setFile(urlPath: string, body: Uint8Array | string, contentType?: string): void;
  close(): Promise<void>;
}

interface MemoryFile {
  readonly body: Uint8Array;
  readonly type: string;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...ISOLATION_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

/** Starts the server on 127.0.0.1 with an ephemeral port. */
export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const memory = new Map<string, MemoryFile>();
  const toBytes = (b: Uint8Array | string): Uint8Array => (typeof b === 'string' ? new TextEncoder().encode(b) : b);
  for (const [p, body] of Object.entries(options.files ?? {})) memory.set(p, { body: toBytes(body), type: mimeTypeOf(p) });
  // Longest prefix first, so `/model/sharded/` style mounts could nest without ambiguity.
  const mounts = Object.entries(options.roots ?? {}).sort((a, b) => b[0].length - a[0].length);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'only GET and HEAD');
    const rawUrl = req.url ?? '';
    // Absolute-form or scheme-relative targets never come from our page: refuse rather than parse them.
    if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) return send(res, 400, 'bad request target');
    const path = rawUrl.split(/[?#]/, 1)[0]!;
    const mem = memory.get(path);
    if (mem) {
      res.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': mem.type, 'Content-Length': mem.body.length });
      res.end(req.method === 'HEAD' ? undefined : mem.body);
      return;
    }
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return send(res, 404, 'not found');
    const safe = resolveUnderRoot(mount[1], path.slice(mount[0].length));
    if (!safe.ok) return send(res, 403, `refused: ${safe.reason}`);
    let size: number;
    let realPath: string;
    try {
      // A symlink inside the root may point anywhere: serve only what resolves inside the real root.
      const [real, realRoot] = await Promise.all([realpath(safe.path), realpath(mount[1])]);
      if (real !== realRoot && !real.startsWith(realRoot + sep)) return send(res, 403, 'refused: it resolves outside the served root (symlink)');
      realPath = real;
      const st = await stat(real);
      if (!st.isFile()) return send(res, 404, 'not found');
      size = st.size;
    } catch {
      return send(res, 404, 'not found');
    }
    res.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': mimeTypeOf(safe.path), 'Content-Length': size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(realPath);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolvePromise);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    setFile(urlPath, body, contentType) {
      memory.set(urlPath, { body: toBytes(body), type: contentType ?? mimeTypeOf(urlPath) });
    },
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
