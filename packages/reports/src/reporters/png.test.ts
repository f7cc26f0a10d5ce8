import { Image, createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInput } from '../../test/sample-input.ts';
import type { ReportFile, ReportInput } from './reporter.ts';
import { pngReporter } from './png.ts';
import { PNG_SIZE, setUpRenderer } from '../charts/render-png.ts';
import { colourMap } from '../charts/chart-spec.ts';
import { configLabel } from '../format.ts';

let input: ReportInput;
let cleanup: () => Promise<void>;
let files: ReportFile[] = [];
beforeAll(async () => {
  ({ input, cleanup } = await sampleInput());
  files = await pngReporter.render(input);
}, 30_000);
afterAll(() => cleanup());

function pixels(data: ReportFile['data']) {
  const img = new Image();
  img.src = Buffer.from(data as Uint8Array);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, rgba: ctx.getImageData(0, 0, img.width, img.height).data };
}

function stats(rgba: Uint8ClampedArray, rows?: [number, number], width = PNG_SIZE.width) {
  const colours = new Set<number>();
  let white = 0;
  let dark = 0;
  const from = rows ? rows[0] * width * 4 : 0;
  const to = rows ? rows[1] * width * 4 : rgba.length;
  for (let i = from; i < to; i += 4) {
    const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
    colours.add((r << 16) | (g << 8) | b);
    if (r === 255 && g === 255 && b === 255 && rgba[i + 3] === 255) white++;
    if (r + g + b < 200) dark++;
  }
  return { colours: colours.size, white, dark, total: (to - from) / 4 };
}

describe('png reporter', () => {
  it('renders the expected charts per dataset', () => {
    expect(files.map((f) => f.name).sort()).toEqual([
      'fleurs-fr-peak-ram.png', 'fleurs-fr-rtfx-vs-wer.png', 'fleurs-fr-wer-cer.png', 'fleurs-fr-wer-history.png',
      'jfk-390s-encoder-fidelity.png', 'jfk-390s-memory-profile.png',
      'jfk-390s-peak-ram.png', 'jfk-390s-rtfx-vs-wer.png', 'jfk-390s-section-wer.png', 'jfk-390s-wer-cer.png', 'jfk-390s-wer-history.png',
    ]);
  });

  it('produces non-trivial images of the right size on a white background', () => {
    for (const f of files) {
      const { width, height, rgba } = pixels(f.data);
      expect([f.name, width, height]).toEqual([f.name, PNG_SIZE.width, PNG_SIZE.height]);
      const s = stats(rgba);
      expect(s.colours, f.name).toBeGreaterThan(20);
      expect(s.white / s.total, f.name).toBeGreaterThan(0.4); // background is white, not transparent
      expect(s.white / s.total, f.name).toBeLessThan(0.995);
    }
  });

  it('draws title text (a font was found and registered)', () => {
    expect(setUpRenderer().fontFamily, 'no DejaVu font found: apt-get install fonts-dejavu-core').toBe('ReportSans');
    const section = files.find((f) => f.name === 'jfk-390s-section-wer.png')!;
    const { rgba } = pixels(section.data);
    // The title band is above the legend; dark anti-aliased glyph pixels prove text rendered.
    const title = stats(rgba, [0, 40]);
    expect(title.dark).toBeGreaterThan(300);
  });

  it('draws the stock int8 degradation as the only line high in the plot', () => {
    const section = files.find((f) => f.name === 'jfk-390s-section-wer.png')!;
    const { rgba } = pixels(section.data);
    const colour = colourMap(input.runs.flatMap((r) => r.results.map(configLabel)));
    const count = (hex: string, rows: [number, number]) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (let i = rows[0] * PNG_SIZE.width * 4; i < rows[1] * PNG_SIZE.width * 4; i += 4) {
        if (Math.abs(rgba[i]! - r!) + Math.abs(rgba[i + 1]! - g!) + Math.abs(rgba[i + 2]! - b!) < 30) n++;
      }
      return n;
    };
    // Rows 120-350 are the upper plot area (well above any WER the healthy configs reach), below the legend.
    expect(count(colour('int8-stock · node-cpu · 2 threads · greedy'), [120, 350])).toBeGreaterThan(100);
    expect(count(colour('fp32 · node-cpu · 2 threads · greedy'), [120, 350])).toBe(0);
    expect(count(colour('fp32 · node-cpu · 2 threads · greedy'), [550, 680])).toBeGreaterThan(100);
  });
});
