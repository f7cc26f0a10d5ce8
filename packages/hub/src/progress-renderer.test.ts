import { describe, expect, it } from 'vitest';
import { createProgressRenderer, formatBytes } from './progress-renderer.ts';

function fakeSink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, sink: { isTTY, columns: 100, write: (s: string) => writes.push(s) } };
}

describe('progress renderer', () => {
  it('formats sizes in decimal units', () => {
    expect([0, 999, 1500, 2_400_000_000].map(formatBytes)).toEqual(['0 B', '999 B', '1.5 kB', '2.4 GB']);
  });

  it('redraws one line in place on a TTY and ends it when the file finishes', () => {
    const { writes, sink } = fakeSink(true);
    let t = 0;
    const r = createProgressRenderer({ sink, now: () => t, redrawMs: 100 });
    r.listener({ file: 'enc.onnx', bytesDone: 0, bytesTotal: 1000 });
    t = 50;
    r.listener({ file: 'enc.onnx', bytesDone: 300, bytesTotal: 1000 }); // throttled
    t = 200;
    r.listener({ file: 'enc.onnx', bytesDone: 500, bytesTotal: 1000 });
    t = 250;
    r.listener({ file: 'enc.onnx', bytesDone: 1000, bytesTotal: 1000, finished: true });
    expect(writes).toHaveLength(3);
    expect(writes.every((w) => w.startsWith('\r\x1b[2K'))).toBe(true);
    expect(writes[1]).toMatch(/enc\.onnx \[#+-+\] 50\.0% 500 B\/1\.0 kB/);
    expect(writes[2]).toMatch(/100\.0%.*\n$/);
    expect(writes.slice(0, 2).some((w) => w.includes('\n'))).toBe(false);
  });

  it('prints periodic plain lines without carriage returns when not a TTY (CI logs)', () => {
    const { writes, sink } = fakeSink(false);
    let t = 0;
    const r = createProgressRenderer({ sink, now: () => t, intervalMs: 10_000 });
    r.listener({ file: 'big.bin', bytesDone: 0, bytesTotal: 4000 });
    for (t = 1000; t < 25_000; t += 1000) r.listener({ file: 'big.bin', bytesDone: t / 10, bytesTotal: 4000 });
    r.listener({ file: 'big.bin', bytesDone: 4000, bytesTotal: 4000, finished: true });
    expect(writes.some((w) => w.includes('\r'))).toBe(false);
    expect(writes).toHaveLength(4); // start, +10 s, +20 s, done
    expect(writes[1]).toMatch(/^big\.bin 25\.0% \(1\.0 kB\/4\.0 kB\)/);
    expect(writes.at(-1)).toBe('big.bin: done, 4.0 kB\n');
  });

  it('finish() closes a half-drawn TTY line', () => {
    const { writes, sink } = fakeSink(true);
    const r = createProgressRenderer({ sink });
    r.listener({ file: 'x', bytesDone: 1, bytesTotal: undefined });
    r.finish();
    expect(writes.at(-1)).toBe('\n');
  });
});
