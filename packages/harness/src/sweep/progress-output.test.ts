import { describe, expect, it } from 'vitest';
import { logOutput, progressOutput } from './progress-output.ts';

function recorder(tty: boolean, columns?: number) {
  let t = 0;
  const written: string[] = [];
  const out = progressOutput({ write: (s) => written.push(s), tty, intervalMs: 5000, now: () => t, ...(columns ? { columns } : {}) });
  return { out, written, advance: (ms: number) => (t += ms) };
}

describe('sweep output', () => {
  it('without a terminal prints at most one progress line per config every interval, and every result line', () => {
    const { out, written, advance } = recorder(false);
    out.progress('[1/2] fast', 'running');
    for (let i = 1; i <= 12; i++) {
      advance(300);
      out.progress('[1/2] fast', `utterance ${i}/12`);
    }
    out.line('[1/2] fast: WER 0.00%');
    out.progress('[2/2] slow', 'running');
    for (let i = 1; i <= 289; i++) {
      advance(100);
      out.progress('[2/2] slow', `utterance ${i}/289`);
    }
    out.line('[2/2] slow: WER 5.05%');
    // 3.6 s of fast work: no progress line; 28.9 s of slow work: one line every 5 s (5 of them).
    expect(written.filter((l) => l.includes('fast'))).toEqual(['[1/2] fast: WER 0.00%\n']);
    const slow = written.filter((l) => l.includes('slow'));
    expect(slow).toHaveLength(6);
    expect(slow[0]).toBe('[2/2] slow: utterance 50/289\n');
    expect(slow.at(-1)).toBe('[2/2] slow: WER 5.05%\n');
    expect(written.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  });

  it('on a terminal rewrites one live line per config, cut to the width, and ends it with the result', () => {
    const { out, written } = recorder(true, 40);
    out.progress('[1/1] fixture-long fp32 node-cpu 1 thread greedy', 'single pass of 390 s');
    out.progress('[1/1] x', 'utterance 2/12');
    out.line('[1/1] x: WER 0.00%');
    expect(written[0]!.startsWith('\r\x1b[2K')).toBe(true);
    expect(written[0]!.length).toBeLessThanOrEqual('\r\x1b[2K'.length + 39);
    expect(written[0]!.endsWith('…')).toBe(true);
    expect(written[1]).toBe('\r\x1b[2K[1/1] x: utterance 2/12');
    expect(written[2]).toBe('\r\x1b[2K[1/1] x: WER 0.00%\n');
    out.line('next');
    expect(written[3]).toBe('next\n');
  });

  it('a log output keeps every message', () => {
    const lines: string[] = [];
    const out = logOutput((l) => lines.push(l));
    out.progress('a', 'one');
    out.line('done');
    expect(lines).toEqual(['a: one', 'done']);
  });
});
