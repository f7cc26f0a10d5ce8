/** The dashboard's encoder-fidelity and memory-profile tables. Every string from results goes through escapeHtml. */
import type { BenchResult } from '@parakeet-bench/core';
import { escapeHtml as e } from '../escape.ts';
import { FIDELITY_LEGEND, fidelityRows } from '../fidelity-rows.ts';
import { pointCell, profilePrefixes, profileRows } from '../memory-rows.ts';

/** One row per variant and backend setting with fidelity; sections of a long pass as columns. */
export function fidelityTable(results: readonly BenchResult[]): string {
  const rows = fidelityRows(results);
  if (rows.length === 0) return '';
  const sections = Math.max(0, ...rows.map((r) => r.sections.length));
  const sectionHead = Array.from({ length: sections }, (_, k) => `<th>§${k}</th>`).join('');
  const body = rows.map(
    (r) =>
      `<tr><th scope="row">${e(r.variant)}</th><td>${e(r.setting)}</td><td>${e(r.oracle)}</td><td class="num">${e(r.cosine)}</td><td class="num">${e(r.relL2)}</td>` +
      `<td class="num">${e(r.worst)}</td><td class="num">${e(r.agreement)}</td>${r.sections.map((c) => `<td class="num">${e(c)}</td>`).join('')}</tr>`,
  );
  return (
    '<table class="fidelity"><caption>Encoder fidelity against the oracle variant</caption>' +
    `<thead><tr><th>variant</th><th>backend</th><th>vs</th><th>cosine</th><th>rel. L2</th><th>worst section</th><th>joint agreement</th>${sectionHead}</tr></thead>` +
    `<tbody>${body.join('')}</tbody></table><p class="meta">${e(FIDELITY_LEGEND)}</p>`
  );
}

/** Inference peak (model) per prefix of the recording, one row per profiled config. */
export function profileTable(results: readonly BenchResult[]): string {
  const rows = profileRows(results);
  if (rows.length === 0) return '';
  const prefixes = profilePrefixes(rows);
  const body = rows.map(
    (r) => `<tr><th scope="row">${e(r.label)}</th>${prefixes.map((p) => `<td class="num">${e(pointCell(r.points.find((x) => x.audioSec === p)))}</td>`).join('')}</tr>`,
  );
  return (
    '<table class="profile"><caption>Memory against audio length: inference peak above the runtime baseline (model)</caption>' +
    `<thead><tr><th>config</th>${prefixes.map((p) => `<th>${p} s</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`
  );
}
