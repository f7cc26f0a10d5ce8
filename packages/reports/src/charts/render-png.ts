/**
 * Renders chart specs to PNG with Chart.js on @napi-rs/canvas (the `canvas` package has no prebuilt
 * binary here; @napi-rs/canvas ships one).
 */
import { existsSync } from 'node:fs';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { Chart, registerables } from 'chart.js';
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { ChartSpec } from './chart-spec.ts';

/** Default PNG size: wide enough for a legend of ~10 configs. */
export const PNG_SIZE = { width: 1200, height: 700 } as const;

/** Fonts tried in order; DejaVu ships with Debian's fonts-dejavu-core. */
export const FONT_CANDIDATES: readonly string[] = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
];

const FONT_FAMILY = 'ReportSans';

/**
 * Registers the first existing font file under one family name; undefined when none exists or the
 * file cannot be loaded (charts then use the canvas default font rather than failing the report).
 */
export function registerReportFont(candidates: readonly string[] = FONT_CANDIDATES): string | undefined {
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    try {
      if (GlobalFonts.registerFromPath(path, FONT_FAMILY) !== null) return FONT_FAMILY;
    } catch {
      // A corrupt or unreadable font file: try the next candidate.
    }
  }
  return undefined;
}

let setUp: { fontFamily: string | undefined } | undefined;

/**
 * Registers Chart.js parts and a real font once. Without a registered font some canvases draw no text
 * at all, so DejaVu is registered when found.
 */
export function setUpRenderer(): { fontFamily: string | undefined } {
  if (setUp) return setUp;
  Chart.register(...registerables);
  const fontFamily = registerReportFont();
  if (fontFamily) Chart.defaults.font.family = fontFamily;
  Chart.defaults.color = '#222222';
  setUp = { fontFamily };
  return setUp;
}

/** Paints the canvas white first: PNGs are viewed on dark and light backgrounds alike. */
export const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Renders one chart to PNG bytes. */
export async function renderChartPng(spec: ChartSpec, size: { width: number; height: number } = PNG_SIZE): Promise<Uint8Array> {
  setUpRenderer();
  const canvas = createCanvas(size.width, size.height);
  const config: ChartConfiguration = {
    ...spec.config,
    options: { ...spec.config.options, responsive: false, animation: false, devicePixelRatio: 1 },
    plugins: [whiteBackground],
  };
  // Chart.js types its context as the DOM's; @napi-rs/canvas implements the same drawing API.
  const chart = new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, config);
  try {
    chart.draw();
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
