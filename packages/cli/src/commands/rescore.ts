/**
 * `bench rescore`: scores stored results again with another normaliser, from the texts they store.
 */
import { resolve } from 'node:path';
import { rescoreResults } from '@parakeet-bench/results';
import { normalizerArg, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

const usage = `usage: bench rescore --normalizer <id> --results <dir|file> [--language <code>] [--out <dir>]

Re-scores stored results with another normaliser without decoding again: every utterance (and long-pass
section) is scored from the reference and hypothesis texts the result stores; WER/CER, S/D/I counts,
the 95% intervals, the worst section and the recorded normaliser are rewritten. Results are validated
and written atomically; all of them are rescored in memory first, so a refused input writes nothing.
A long pass's human-reference score is dropped (its text is not stored) unless the normaliser is unchanged.

options:
  --normalizer <id>    default, whisper-basic, whisper-basic-remove-diacritics, open-asr-multilingual,
                       open-asr-multilingual-legacy, none (docs/statistics.md)
  --results <path>     results directory (searched recursively; pass a baseline/ folder directly) or file
  --language <code>    language for results that record none (open-asr-multilingual spells numbers in it);
                       a result's own language (FLEURS: from its dataset) is kept
  --out <dir>          write the rescored results to <dir>/<run dir>/ instead of over the inputs`;

/** The `rescore` subcommand. */
export const rescoreCommand: Command = {
  summary: 'rescore stored results with another normaliser (no decoding)',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      normalizer: { type: 'string' },
      results: { type: 'string' },
      language: { type: 'string' },
      out: { type: 'string' },
    });
    const normalizer = normalizerArg(values.normalizer);
    if (!normalizer) throw new UsageError('--normalizer <id> is required');
    if (!values.results) throw new UsageError('--results <dir|file> is required');
    const s = await rescoreResults({
      results: resolve(values.results),
      normalizer,
      ...(values.language ? { language: values.language } : {}),
      ...(values.out ? { out: resolve(values.out) } : {}),
    });
    console.log(`bench rescore: ${s.rescored.length} results rescored with ${normalizer}${values.out ? ` into ${resolve(values.out)}` : ''}`);
    if (s.unscored.length) console.log(`bench rescore: ${s.unscored.length} not ok (no scores): ${values.out ? 'copied unchanged' : 'left unchanged'}`);
    if (s.humanReferenceDropped.length) console.warn(`bench rescore: human-reference score dropped (its text is not stored): ${s.humanReferenceDropped.join(', ')}`);
    return 0;
  },
};
