/** Word-aligned reference/hypothesis diffs with S/D/I marks, like jiwer's visualize_alignment. */
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

/** Renders the alignment of one utterance as HTML; all text is escaped. */
export function renderDiff(utterance: Pick<UtteranceResult, 'reference' | 'hypothesis'>): string {
  const ops = alignWords(splitWords(utterance.reference), splitWords(utterance.hypothesis));
  if (ops.length === 0) return '<div class="diff empty">(empty reference and hypothesis)</div>';
  return `<div class="diff"><span class="tok legend"><span>REF</span><span>HYP</span><b>&nbsp;</b></span>${ops.map(column).join('')}</div>`;
}

/** Number of word edits, used to rank utterances. */
export function editCount(u: Pick<UtteranceResult, 'words'>): number {
  return u.words.substitutions + u.words.deletions + u.words.insertions;
}
