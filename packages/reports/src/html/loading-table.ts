/** The dashboard's model-loading table (see ../loading.ts). Every string from results goes through escapeHtml. */
import type { BenchResult } from '@parakeet-bench/core';
import { escapeHtml as e } from '../escape.ts';
import { MAPPED_FOOTNOTE, loadingRows } from '../loading.ts';

/** Load time, peak and after-load RAM per browser loader; empty when the dataset has no browser config. */
export function loadingTable(results: readonly BenchResult[]): string {
  const rows = loadingRows(results);
  if (rows.length === 0) return '';
  const body = rows.map(
    (r) =>
      `<tr><th scope="row">${e(r.variant)}</th><td>${e(r.backend)}</td><td>${e(r.loader)}</td><td class="num">${e(r.load)}</td>` +
      `<td class="num">${e(r.peak)}</td><td class="num">${e(r.afterLoad)}</td><td class="status-${r.status}">${r.status}</td></tr>`,
  );
  const note = rows.some((r) => r.loader.endsWith('†')) ? `<p><small>${e(MAPPED_FOOTNOTE)}</small></p>` : '';
  return (
    '<table class="loading"><caption>Model loading: time and renderer memory per loader</caption>' +
    '<thead><tr><th>variant</th><th>backend</th><th>loader</th><th>load</th><th>peak RAM</th><th>RAM after load</th><th>status</th></tr></thead>' +
    `<tbody>${body.join('')}</tbody></table>${note}`
  );
}
