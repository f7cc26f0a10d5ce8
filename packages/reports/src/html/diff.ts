/**
 * Word-aligned reference/hypothesis diffs with S/D/I marks, like jiwer's visualize_alignment. The
 * alignment is of the NORMALISED texts, the ones the score counted, so every mark is an error the
 * WER includes (casing or punctuation the normaliser removed is never marked); the raw texts are
 * shown under it when normalisation changed them.
 */
import type { UtteranceResult } from '@parakeet-bench/core';
import { splitWords } from '@parakeet-bench/core';
import { alignWords } from '../align.ts';
import type { AlignOp } from '../align.ts';
import { escapeHtml } from '../escape.ts';

const MARK: Readonly<Record<AlignOp['kind'], string>> = { equal: '', substitute: 'S', delete: 'D', insert: 'I' };
const CLASS: Readonly<Record<AlignOp['kind'], string>> = { equal: 'eq', substitute: 'sub', delete: 'del', insert: 'ins' };

/** One aligned column: reference word over hypothesis word over its mark. */
function column(op: AlignOp): string {
  const ref = 'ref' in op ? escapeHtml(op.ref) : '<i>∅</i>';
  const hyp = 'hyp' in op ? escapeHtml(op.hyp) : '<i>∅</i>';
  const mark = MARK[op.kind];
  return `<span class="tok ${CLASS[op.kind]}"${mark ? ` title="${op.kind}"` : ''}><span>${ref}</span><span>${hyp}</span><b>${mark || '&nbsp;'}</b></span>`;
}

/** The raw texts, when normalisation changed them (so the reader sees what the model wrote). */
function rawTexts(u: Pick<UtteranceResult, 'reference' | 'hypothesis'>, ref: string, hyp: string): string {
  if (u.reference === ref && u.hypothesis === hyp) return '';
  return `<div class="raw"><div><b>REF raw</b> ${escapeHtml(u.reference)}</div><div><b>HYP raw</b> ${escapeHtml(u.hypothesis)}</div></div>`;
}

/**
 * Renders the alignment of one utterance's texts after `normalize` (the result's normaliser, see
 * core's `normalizerOf(scoringOf(result))`) as HTML, with the raw texts beside; all text is escaped.
 */
export function renderDiff(utterance: Pick<UtteranceResult, 'reference' | 'hypothesis'>, normalize: (text: string) => string): string {
  const ref = normalize(utterance.reference);
  const hyp = normalize(utterance.hypothesis);
  const ops = alignWords(splitWords(ref), splitWords(hyp));
  if (ops.length === 0) return `<div class="diff empty">(empty reference and hypothesis after normalisation)</div>${rawTexts(utterance, ref, hyp)}`;
  return `<div class="diff"><span class="tok legend"><span>REF</span><span>HYP</span><b>&nbsp;</b></span>${ops.map(column).join('')}</div>${rawTexts(utterance, ref, hyp)}`;
}

/** Number of word edits, used to rank utterances. */
export function editCount(u: Pick<UtteranceResult, 'words'>): number {
  return u.words.substitutions + u.words.deletions + u.words.insertions;
}
