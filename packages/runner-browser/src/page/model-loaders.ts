/**
 * How the page reads one model file into memory for onnxruntime-web, per loader. Failures are
 * {@link ModelFileError}s naming the file on disk (not its URL) and the cause: the fetch itself, an
 * HTTP status, a body over Chromium's `Response.arrayBuffer()` ceiling, or a short body.
 */
import type { ModelLoader } from '@parakeet-bench/core';
import { ModelFileError } from '@parakeet-bench/core';

/** One file to read: where the page fetches it and how errors name it. */
export interface FileRef {
  readonly url: string;
  readonly display: string;
}

/** Reads a whole file; `maxFetchBytes` is the array-buffer ceiling errors cite. */
export type FileReader = (ref: FileRef, maxFetchBytes: number) => Promise<Uint8Array>;

const why = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
const exact = (n: number): string => n.toLocaleString('en-US');

/** fetch() with its failures named: the request itself, then the HTTP status. */
export async function fetchOk(ref: FileRef): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(ref.url);
  } catch (e) {
    throw new ModelFileError(ref.display, `fetch failed (${why(e)})`);
  }
  if (!res.ok) throw new ModelFileError(ref.display, `fetch failed (HTTP ${res.status} for ${ref.url})`);
  return res;
}

function contentLength(res: Response): number | null {
  const n = Number(res.headers.get('Content-Length') ?? Number.NaN);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** Today's loader: one `Response.arrayBuffer()` per file (Chromium caps it at 2 GiB - 2 MiB). */
const readArrayBuffer: FileReader = async (ref, maxFetchBytes) => {
  const res = await fetchOk(ref);
  const bytes = contentLength(res);
  try {
    return new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    if (bytes !== null && bytes > maxFetchBytes) {
      throw new ModelFileError(
        ref.display,
        `Response.arrayBuffer() failed (${why(e)}): ${exact(bytes)} bytes is over Chromium's ceiling of ${exact(maxFetchBytes)} for one Response.arrayBuffer(); use the sharded export, or the stream or jspi-blob loader`,
      );
    }
    throw new ModelFileError(ref.display, `reading the response body failed (${why(e)})`);
  }
};

/**
 * The body read chunk by chunk into one buffer preallocated from Content-Length: no intermediate
 * copies and no per-fetch ceiling (a plain ArrayBuffer may be larger than 2 GiB).
 */
const readStream: FileReader = async (ref) => {
  const res = await fetchOk(ref);
  const bytes = contentLength(res);
  if (bytes === null) throw new ModelFileError(ref.display, 'the server sent no Content-Length; the stream loader preallocates from it');
  if (!res.body) throw new ModelFileError(ref.display, 'the response has no body to stream');
  let out: Uint8Array;
  try {
    out = new Uint8Array(bytes);
  } catch (e) {
    throw new ModelFileError(ref.display, `cannot allocate ${exact(bytes)} bytes in the page (${why(e)})`);
  }
  const reader = res.body.getReader();
  let offset = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (offset + value.byteLength > bytes) throw new Error(`the body is longer than its Content-Length of ${exact(bytes)} bytes`);
      out.set(value, offset);
      offset += value.byteLength;
    }
  } catch (e) {
    throw new ModelFileError(ref.display, `reading the response body failed after ${exact(offset)} of ${exact(bytes)} bytes (${why(e)})`);
  }
  if (offset !== bytes) throw new ModelFileError(ref.display, `the body ended after ${exact(offset)} of ${exact(bytes)} bytes`);
  return out;
};

/**
 * The body as a Blob: Chromium keeps it in its blob storage (spilled to disk when large), not in the
 * page, and onnxruntime-web's JSPI build reads it slice by slice, one tensor at a time.
 */
const readBlob = async (ref: FileRef): Promise<Blob> => {
  const res = await fetchOk(ref);
  const bytes = contentLength(res);
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch (e) {
    throw new ModelFileError(ref.display, `reading the response body into a Blob failed (${why(e)})`);
  }
  if (bytes !== null && blob.size !== bytes) throw new ModelFileError(ref.display, `the body ended after ${exact(blob.size)} of ${exact(bytes)} bytes`);
  return blob;
};

/** Loaders whose page reads the files itself (`ort-url` leaves it to onnxruntime-web). */
export type PageReadLoader = Exclude<ModelLoader, 'ort-url'>;

/** How each such loader reads graphs (always into memory) and external data (bytes, or a Blob). */
export const FILE_READERS: Readonly<Record<PageReadLoader, { readonly graph: FileReader; readonly data: (ref: FileRef, maxFetchBytes: number) => Promise<Uint8Array | Blob> }>> = {
  'array-buffer': { graph: readArrayBuffer, data: readArrayBuffer },
  stream: { graph: readStream, data: readStream },
  'jspi-blob': { graph: readStream, data: readBlob },
};

/**
 * Reads a synthetic body of `bytes` zeros with `Response.arrayBuffer()`: the same body reader a
 * network response goes through, without the network, so the ceiling can be probed in seconds.
 */
export async function probeArrayBuffer(bytes: number): Promise<{ ok: true; bytes: number } | { ok: false; error: string }> {
  const chunk = new Uint8Array(8 * 2 ** 20);
  let left = bytes;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left <= 0) return controller.close();
      const n = Math.min(left, chunk.length);
      left -= n;
      controller.enqueue(chunk.slice(0, n));
    },
  });
  try {
    const got = (await new Response(body).arrayBuffer()).byteLength;
    return { ok: true, bytes: got };
  } catch (e) {
    return { ok: false, error: why(e) };
  }
}
