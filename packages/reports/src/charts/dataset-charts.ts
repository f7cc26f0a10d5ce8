/** The per-dataset accuracy and speed charts: section WER over time, WER/CER bars, RTFx vs WER. */
import type { BenchResult, RateInterval } from '@parakeet-bench/core';
import { configLabel } from '../format.ts';
import { baseOptions, horizontalBarChart, lineChart, lineSeries, slug } from './chart-spec.ts';
import type { ChartSpec } from './chart-spec.ts';

const percent = (rate: number) => Math.round(rate * 10000) / 100;

/** Per-section WER of a long dataset: one line per config, x = section start in minutes. */
export function sectionWerChart(dataset: string, results: readonly BenchResult[], colour: (l: string) => string): ChartSpec | undefined {
  const long = results.filter((r) => r.status === 'ok' && r.longPass && r.longPass.sections.length > 0);
  if (long.length === 0) return undefined;
  const sectionSec = long[0]?.longPass?.sectionSec ?? 60;
  const title = `Per-section WER over the long pass — ${dataset} (${sectionSec} s sections)`;
  return lineChart({
    id: `${slug(dataset)}-section-wer`,
    title,
    xTitle: 'section start (min)',
    yTitle: 'WER vs fp32 oracle (%)',
    datasets: long.map((r) => lineSeries(configLabel(r), (r.longPass?.sections ?? []).map((s) => ({ x: s.startSec / 60, y: percent(s.wer) })), colour(configLabel(r)))),
    x: { type: 'linear', min: 0 },
    y: { beginAtZero: true },
  });
}

/**
 * A result's interval as a floating bar [low, high] in percent, or null. Drawn in the same stack as
 * its rate's bar, thinner and on top: an error bar built from plain chart JSON (no plugin code), so
 * the PNG and the dashboard draw it alike.
 */
function intervalBar(ci: RateInterval | undefined): [number, number] | null {
  return ci ? [percent(ci.low), percent(ci.high)] : null;
}

/**
 * Overall WER and CER per config, as horizontal bars so long config names stay readable, with their
 * 95% bootstrap intervals as error bars when the results carry them.
 */
export function errorBarsChart(dataset: string, results: readonly BenchResult[]): ChartSpec | undefined {
  const ok = results.filter((r) => r.status === 'ok' && r.accuracy);
  if (ok.length === 0) return undefined;
  const hasCi = ok.some((r) => r.accuracy?.werCi || r.accuracy?.cerCi);
  const title = `Overall WER and CER${hasCi ? ' with 95% intervals' : ''} — ${dataset}`;
  const whisker = { backgroundColor: '#222222', barPercentage: 0.12, order: 0 };
  // Bars sharing a stack id share a slot; the value axis must not add them up.
  return horizontalBarChart({
    id: `${slug(dataset)}-wer-cer`,
    title,
    labels: ok.map(configLabel),
    datasets: [
      ...(hasCi
        ? [
            { label: 'WER 95% interval', data: ok.map((r) => intervalBar(r.accuracy?.werCi)), stack: 'wer', ...whisker },
            { label: 'CER 95% interval', data: ok.map((r) => intervalBar(r.accuracy?.cerCi)), stack: 'cer', ...whisker },
          ]
        : []),
      { label: 'WER (%)', data: ok.map((r) => percent(r.accuracy?.wer ?? 0)), backgroundColor: '#0072B2', stack: 'wer', order: 1 },
      { label: 'CER (%)', data: ok.map((r) => percent(r.accuracy?.cer ?? 0)), backgroundColor: '#E69F00', stack: 'cer', order: 1 },
    ],
    valueTitle: 'error rate (%)',
    stacked: false,
  });
}

/** Speed/accuracy trade-off: one point per config. */
export function rtfxVsWerChart(dataset: string, results: readonly BenchResult[], colour: (l: string) => string): ChartSpec | undefined {
  const ok = results.filter((r) => r.status === 'ok' && r.accuracy && r.timing);
  if (ok.length === 0) return undefined;
  const title = `Speed vs accuracy — ${dataset}`;
  return {
    id: `${slug(dataset)}-rtfx-vs-wer`,
    title,
    config: {
      type: 'scatter',
      data: {
        datasets: ok.map((r) => ({
          label: configLabel(r),
          data: [{ x: r.timing?.rtfx ?? 0, y: percent(r.accuracy?.wer ?? 0) }],
          backgroundColor: colour(configLabel(r)),
          borderColor: colour(configLabel(r)),
          pointRadius: 8,
        })),
      },
      options: {
        ...baseOptions(title, 'RTFx (audio s per processing s, higher is faster)', 'WER (%)'),
        scales: {
          x: { beginAtZero: true, title: { display: true, text: 'RTFx (audio s per processing s, higher is faster)', font: { size: 14 } } },
          y: { beginAtZero: true, title: { display: true, text: 'WER (%)', font: { size: 14 } } },
        },
      },
    },
  };
}
