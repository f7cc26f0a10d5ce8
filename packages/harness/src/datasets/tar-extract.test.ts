import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tarBytes, tarGz } from '../../test/fleurs-fixture.ts';
import { ensureExtracted, extractTarGz, memberPath } from './tar-extract.ts';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'pb-tar-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
async function archive(name: string, data: Buffer): Promise<string> {
  const path = join(work, name);
  await writeFile(path, data);
  return path;
}

describe('extractTarGz', () => {
  it('streams files of any size, sub-folders, GNU long names and empty files', async () => {
    const long = `dev/${'x'.repeat(120)}.wav`;
    const src = await archive('a.tar.gz', tarGz([
      { name: 'dev/', type: '5' },
      { name: 'dev/a.wav', content: bytes(70_000, 1) },
      { name: './dev/b.wav', content: bytes(512, 2) },
      { name: long, content: bytes(3, 3) },
      { name: 'dev/empty.txt' },
    ]));
    const out = join(work, 'out');
    expect(await extractTarGz(src, out)).toEqual({ files: 4, bytes: 70_515 });
    expect(Buffer.compare(await readFile(join(out, 'dev/a.wav')), Buffer.from(bytes(70_000, 1)))).toBe(0);
    expect((await readFile(join(out, 'dev/b.wav'))).length).toBe(512);
    expect((await readFile(join(out, long))).length).toBe(3);
    expect((await readFile(join(out, 'dev/empty.txt'))).length).toBe(0);
  });

  it('reads what GNU tar writes (ustar prefix, pax headers)', async () => {
    const srcDir = join(work, 'src', 'dev');
    const deep = `${'d'.repeat(90)}/${'e'.repeat(90)}`;
    await mkdir(join(srcDir, deep), { recursive: true });
    await writeFile(join(srcDir, 'é-accent.wav'), bytes(1000, 4));
    await writeFile(join(srcDir, deep, 'f.wav'), bytes(2000, 5));
    const tarPath = join(work, 'gnu.tar.gz');
    execFileSync('tar', ['--format=pax', '-czf', tarPath, '-C', join(work, 'src'), 'dev']);
    const out = join(work, 'out');
    const got = await extractTarGz(tarPath, out);
    expect(got.files).toBe(2);
    expect((await readFile(join(out, 'dev/é-accent.wav'))).length).toBe(1000);
    expect((await readFile(join(out, 'dev', deep, 'f.wav'))).length).toBe(2000);
  });

  it.each([
    ['../evil.wav', /refusing tar member "\.\.\/evil\.wav": it contains a '\.\.' segment/],
    ['dev/../../evil.wav', /'\.\.' segment/],
    ['/etc/evil.wav', /"\/etc\/evil\.wav": it is absolute/],
    ['C:/evil.wav', /it is absolute/],
    ['dev\\..\\evil.wav', /backslash/],
    [`${'a/'.repeat(55)}${'../'.repeat(60)}evil`, /'\.\.' segment/], // past 100 bytes: a GNU long name
  ])('refuses member %s and writes nothing outside the target', async (name, message) => {
    const src = await archive('bad.tar.gz', tarGz([{ name, content: bytes(10, 1) }]));
    await expect(extractTarGz(src, join(work, 'out'))).rejects.toThrow(message);
    await expect(extractTarGz(src, join(work, 'out'))).rejects.toThrow(/bad\.tar\.gz: refusing/);
    expect(await readdir(work)).not.toContain('evil.wav');
  });

  it('refuses links and devices', async () => {
    const link = await archive('link.tar.gz', tarGz([{ name: 'dev/x.wav', type: '2', linkName: '/etc/passwd' }]));
    await expect(extractTarGz(link, join(work, 'o1'))).rejects.toThrow(/link\.tar\.gz: refusing tar member "dev\/x\.wav": it is a symbolic link/);
    const hard = await archive('hard.tar.gz', tarGz([{ name: 'dev/x.wav', type: '1', linkName: '../../x' }]));
    await expect(extractTarGz(hard, join(work, 'o2'))).rejects.toThrow(/it is a hard link/);
  });

  it('names the archive on corruption, truncation, non-gzip and absence', async () => {
    const good = tarBytes([{ name: 'dev/a.wav', content: bytes(5000, 1) }]);
    const corrupt = Buffer.from(good);
    corrupt[10] = 0x41;
    await expect(extractTarGz(await archive('c.tar.gz', gzipSync(corrupt)), join(work, 'o'))).rejects.toThrow(/c\.tar\.gz: corrupt tar header at byte 0 \(checksum mismatch\); delete the file and fetch it again/);
    const cut = gzipSync(good.subarray(0, 2048));
    await expect(extractTarGz(await archive('t.tar.gz', cut), join(work, 'o'))).rejects.toThrow(/t\.tar\.gz: truncated tar archive/);
    const gz = gzipSync(good);
    await expect(extractTarGz(await archive('g.tar.gz', gz.subarray(0, gz.length - 20)), join(work, 'o'))).rejects.toThrow(/g\.tar\.gz: (not a valid gzip file|truncated)/);
    await expect(extractTarGz(await archive('p.tar.gz', good), join(work, 'o'))).rejects.toThrow(/p\.tar\.gz: not a valid gzip file/);
    await expect(extractTarGz(join(work, 'none.tar.gz'), join(work, 'o'))).rejects.toThrow(/none\.tar\.gz: archive not found/);
  });
});

describe('member names', () => {
  it('accepts relative names and confines them', () => {
    expect(memberPath('/r', 'dev/a.wav', 'x.tgz')).toBe(join('/r', 'dev', 'a.wav'));
    expect(memberPath('/r', './dev/a.wav', 'x.tgz')).toBe(join('/r', 'dev', 'a.wav'));
    expect(() => memberPath('/r', './', 'x.tgz')).toThrow(/x\.tgz: refusing tar member "\.\/": it names no file/);
    expect(memberPath('/r', './dev//a.wav', 'x.tgz')).toBe(join('/r', 'dev', 'a.wav'));
    expect(() => memberPath('/r', 'a\0b', 'x.tgz')).toThrow(/x\.tgz: refusing tar member .*NUL/);
  });
});

describe('ensureExtracted', () => {
  it('extracts once, atomically, and again only when the archive changes', async () => {
    const src = await archive('dev.tar.gz', tarGz([{ name: 'dev/a.wav', content: bytes(100, 1) }]));
    const dest = join(work, 'dev.extracted');
    expect(await ensureExtracted(src, dest)).toMatchObject({ extracted: true, files: 1 });
    const first = (await stat(join(dest, 'dev/a.wav'))).mtimeMs;
    expect(await ensureExtracted(src, dest)).toMatchObject({ extracted: false });
    expect((await stat(join(dest, 'dev/a.wav'))).mtimeMs).toBe(first);
    await writeFile(src, tarGz([{ name: 'dev/b.wav', content: bytes(7, 2) }]));
    await utimes(src, new Date(), new Date(Date.now() + 5000));
    expect(await ensureExtracted(src, dest)).toMatchObject({ extracted: true, files: 1 });
    expect((await readdir(join(dest, 'dev'))).sort()).toEqual(['b.wav']);
    expect((await readdir(work)).sort()).toEqual(['dev.extracted', 'dev.tar.gz']);
  });

  it('leaves no half-written folder when extraction fails', async () => {
    const src = await archive('dev.tar.gz', tarGz([{ name: 'dev/a.wav', content: bytes(100, 1) }, { name: '../x', content: bytes(1, 1) }]));
    await expect(ensureExtracted(src, join(work, 'dev.extracted'))).rejects.toThrow(/refusing tar member "\.\.\/x"/);
    expect(await readdir(work)).toEqual(['dev.tar.gz']);
  });
});
