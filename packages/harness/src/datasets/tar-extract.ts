/**
 * A small streaming reader for `.tar.gz` archives (ustar, pax and GNU long names), enough for
 * dataset tarballs such as FLEURS' `audio/<split>.tar.gz`. The archive comes from the network, so
 * every member name is confined to the target directory, and links and device files are refused.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { buildDirOnce, confinedPath } from '@parakeet-bench/node-io';
import { createGunzip } from 'node:zlib';

const BLOCK = 512;

/** What one extraction wrote. */
export interface ExtractResult {
  readonly files: number;
  readonly bytes: number;
}

/** Absolute path of member `name` under `root`; throws naming the archive when it would escape. */
export function memberPath(root: string, name: string, archive: string): string {
  return confinedPath(
    root,
    name,
    (reason) => `${archive}: refusing tar member ${JSON.stringify(name)}: ${reason}; the archive is not a trustworthy dataset tarball`,
    // Leading `./` and `.` segments are harmless (`tar -czf x.tgz .` writes them).
    { lenient: true },
  );
}

function text(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

/** Numeric header field: NUL/space-terminated octal, or GNU base-256 for big values. */
function numeric(field: Buffer): number {
  if ((field[0]! & 0x80) !== 0) {
    let v = field[0]! & 0x7f;
    for (let i = 1; i < field.length; i++) v = v * 256 + field[i]!;
    return v;
  }
  const s = text(field).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

function checksumOk(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return numeric(h.subarray(148, 156)) === sum;
}

/** pax records: "<len> <key>=<value>\n", len counting the whole record. */
function paxRecords(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let off = 0;
  while (off < data.length) {
    const space = data.indexOf(0x20, off);
    const len = space === -1 ? NaN : Number(data.subarray(off, space).toString('ascii'));
    if (!Number.isInteger(len) || len <= 0) break;
    const record = data.subarray(space + 1, off + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    off += len;
  }
  return out;
}

const FILE_TYPES = new Set(['0', '\0', '7']);
const REFUSED_TYPES: Record<string, string> = { '1': 'a hard link', '2': 'a symbolic link', '3': 'a character device', '4': 'a block device', '6': 'a FIFO' };

type State =
  | { kind: 'header' }
  | { kind: 'data'; remaining: number; padding: number; sink?: FileHandle; meta?: Buffer[]; onDone?: (data: Buffer) => void }
  | { kind: 'end' };

/**
 * Streams `archive` (gzip-compressed tar) into `targetDir`, creating sub-directories as needed.
 * Throws, naming the archive, on unsafe names, links, bad checksums or truncation.
 */
export async function extractTarGz(archive: string, targetDir: string): Promise<ExtractResult> {
  const input = createReadStream(archive);
  const gunzip = createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  let state: State = { kind: 'header' };
  let offset = 0;
  let files = 0;
  let bytes = 0;
  let longName: string | undefined;
  let pax = new Map<string, string>();

  const onHeader = async (h: Buffer): Promise<State> => {
    if (h.every((b) => b === 0)) return { kind: 'end' };
    if (!checksumOk(h)) throw new Error(`${archive}: corrupt tar header at byte ${offset} (checksum mismatch); delete the file and fetch it again`);
    const type = String.fromCharCode(h[156]!);
    const size = pax.has('size') ? Number(pax.get('size')) : numeric(h.subarray(124, 136));
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    const ustarPrefix = text(h.subarray(257, 263)).startsWith('ustar') ? text(h.subarray(345, 500)) : '';
    const name = pax.get('path') ?? longName ?? (ustarPrefix ? `${ustarPrefix}/${text(h.subarray(0, 100))}` : text(h.subarray(0, 100)));
    if (type === 'x' || type === 'L') {
      const collect = (data: Buffer) => {
        if (type === 'x') pax = paxRecords(data);
        else longName = text(data);
      };
      return { kind: 'data', remaining: size, padding, meta: [], onDone: collect };
    }
    longName = undefined;
    pax = new Map();
    const refused = REFUSED_TYPES[type];
    if (refused) throw new Error(`${archive}: refusing tar member ${JSON.stringify(name)}: it is ${refused}, which a dataset tarball has no reason to contain`);
    if (type === '5') {
      await mkdir(memberPath(targetDir, name, archive), { recursive: true });
      return { kind: 'data', remaining: 0, padding: 0 };
    }
    if (!FILE_TYPES.has(type)) return { kind: 'data', remaining: size, padding }; // global pax, vendor extensions: skip
    const path = memberPath(targetDir, name, archive);
    await mkdir(dirname(path), { recursive: true });
    files++;
    bytes += size;
    return { kind: 'data', remaining: size, padding, sink: await open(path, 'w') };
  };

  let pending: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const buf: Buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      let at = 0;
      while (state.kind !== 'end') {
        if (state.kind === 'header') {
          if (buf.length - at < BLOCK) break;
          state = await onHeader(buf.subarray(at, at + BLOCK));
          at += BLOCK;
          offset += BLOCK;
          continue;
        }
        const n = Math.min(state.remaining, buf.length - at);
        if (n > 0) {
          const part = buf.subarray(at, at + n);
          if (state.sink) await state.sink.write(part);
          state.meta?.push(Buffer.from(part));
          state.remaining -= n;
          at += n;
          offset += n;
        }
        if (state.remaining > 0) break;
        if (state.sink) await state.sink.close();
        state.onDone?.(Buffer.concat(state.meta ?? []));
        const skip = Math.min(state.padding, buf.length - at);
        at += skip;
        offset += skip;
        if (skip < state.padding) {
          state = { kind: 'data', remaining: state.padding - skip, padding: 0 };
          break;
        }
        state = { kind: 'header' };
      }
      pending = state.kind === 'end' ? Buffer.alloc(0) : Buffer.from(buf.subarray(at));
    }
  } catch (e) {
    if (state.kind === 'data') await state.sink?.close().catch(() => undefined);
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' && err.syscall === 'open' && err.path === archive) throw new Error(`${archive}: archive not found`);
    if (err.code?.startsWith('Z_')) throw new Error(`${archive}: not a valid gzip file (${err.message}); delete it and fetch it again`);
    throw e;
  } finally {
    input.destroy();
  }
  if (state.kind !== 'end' && !(state.kind === 'header' && pending.length === 0)) {
    if (state.kind === 'data') await state.sink?.close().catch(() => undefined);
    throw new Error(`${archive}: truncated tar archive (ended inside a member at byte ${offset}); delete it and fetch it again`);
  }
  return { files, bytes };
}

/** Name of the stamp file that records which archive an extraction came from. */
export const EXTRACT_STAMP = '.extracted-from.json';

async function stampOf(archive: string): Promise<string> {
  const s = await stat(archive);
  return JSON.stringify({ archive: basename(archive), size: s.size, mtimeMs: s.mtimeMs });
}

/**
 * Extracts `archive` into `dest` unless `dest` already holds an extraction of this very file (same
 * size and mtime). The directory is built aside and placed whole (node-io's buildDirOnce), so `dest`
 * is never half-written, and a re-downloaded archive replaces a stale extraction.
 */
export async function ensureExtracted(archive: string, dest: string): Promise<ExtractResult & { readonly extracted: boolean }> {
  let stamp: string;
  try {
    stamp = await stampOf(archive);
  } catch {
    throw new Error(`${archive}: archive not found`);
  }
  let result: ExtractResult = { files: 0, bytes: 0 };
  const extracted = await buildDirOnce(dest, {
    marker: EXTRACT_STAMP,
    isComplete: (text) => text.trim() === stamp,
    build: async (dir) => {
      result = await extractTarGz(archive, dir);
      return `${stamp}\n`;
    },
  });
  return { ...result, extracted };
}
