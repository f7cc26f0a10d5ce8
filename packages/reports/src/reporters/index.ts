/** Every report format, registered in one map (house style: lookup maps, not switch ladders). */
import { htmlReporter } from './html.ts';
import { markdownReporter } from './markdown.ts';
import { pngReporter } from './png.ts';
import type { Reporter } from './reporter.ts';

/** Format name -> reporter. */
export const reporters = {
  markdown: markdownReporter,
  png: pngReporter,
  html: htmlReporter,
} as const satisfies Record<string, Reporter>;

/** A registered format name. */
export type ReportFormat = keyof typeof reporters;

/** Parses `png,markdown` into known formats; unknown names throw, listing the valid ones. */
export function parseFormats(list: string): ReportFormat[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new Error(`no report format given; use one or more of ${Object.keys(reporters).join(', ')}`);
  return names.map((n) => {
    if (!Object.hasOwn(reporters, n)) {
      throw new Error(`unknown report format "${n}"; use one or more of ${Object.keys(reporters).join(', ')}`);
    }
    return n as ReportFormat;
  });
}
