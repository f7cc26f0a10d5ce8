import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInput, withTimes } from '../../test/sample-input.ts';
import type { ReportInput } from '../reporters/reporter.ts';
import { configLabel } from '../format.ts';
import { sectionTimestampChart } from './timestamp-charts.ts';

let input: ReportInput;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ input, cleanup } = await sampleInput()));
afterAll(() => cleanup());

const long = (i: ReportInput) => i.latest.results.filter((r) => r.config.dataset === 'jfk-390s');

describe('per-section word-start chart', () => {
  it("draws each config's p95 per section, stock int8 drifting 40 ms more each section", () => {
    const chart = sectionTimestampChart('jfk-390s', long(withTimes(input)), () => '#000000')!;
    expect(chart.id).toBe('jfk-390s-section-word-start');
    const series = chart.config.data.datasets as { label: string; data: { x: number; y: number | null }[] }[];
    const stock = series.find((d) => d.label === 'int8-stock · node-cpu · 2 threads · greedy')!;
    // Damaged words are not hits; the remaining hits of section k start 40 k ms late.
    expect(stock.data.map((p) => p.y)).toEqual([0, 40, 80, 120, 160, 200, 240]);
    expect(stock.data.map((p) => p.x)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(series.find((d) => d.label === configLabel(long(input).find((r) => r.config.variant === 'fp32' && r.status === 'ok')!))!.data.every((p) => p.y === 0)).toBe(true);
  });

  it('is absent when no long result has word times (results written before them)', () => {
    expect(sectionTimestampChart('jfk-390s', long(input), () => '#000000')).toBeUndefined();
  });
});
