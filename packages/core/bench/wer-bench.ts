/**
 * Scoring speed, old full-matrix aligner vs the linear-memory one, measured in ONE tinybench run so
 * the ratio survives a loaded machine: WER of 10/100/1000/5000-word pairs, and CER of the 5000-word
 * pair (which the old code refused: its cell limit). Target from issue 13: 5000-word WER <= 60 ms,
 * 3x a bit-parallel C++ implementation's ~20 ms on the same pair.
 * Also times the report statistics (bootstrapCi, pairedBootstrap: 2000 resamples over 2000 items;
 * target "well under 100 ms") in the same run.
 * Run: `npm run bench:wer -w packages/core` (env BENCH_TIME_MS overrides the time per task).
 */
import { Bench } from 'tinybench';
import { scoreChars, scoreWords, splitChars, splitWords } from '../src/metrics/wer.ts';
import { bootstrapCi, pairedBootstrap } from '../src/stats/bootstrap.ts';
import { mapsswe } from '../src/stats/mapsswe.ts';
import { createPrng } from '../src/stats/prng.ts';
import { makePair } from './pairs.ts';
import { fullMatrixAlignIds } from './reference/full-matrix-align.ts';

const TIME_MS = Number(process.env['BENCH_TIME_MS'] ?? 1500);
const TARGET_MS = 60;
const SIZES = [10, 100, 1000, 5000] as const;

/** Pseudo-words of 2-9 letters (French-like alphabet), so CER sees realistic word lengths. */
function lexicon(size: number): string[] {
  const rng = createPrng(99);
  const letters = 'abcdeéfghijlmnopqrstuvèàç';
  return Array.from({ length: size }, (_, i) => Array.from({ length: 2 + rng.int(8) }, () => letters[rng.int(letters.length)]!).join('') + (i % 7 === 0 ? 's' : ''));
}

/** A reference of `words` words and a hypothesis with ~10% word errors, as normalised strings. */
function textPair(words: number): { ref: string; hyp: string } {
  const lex = lexicon(3000);
  const { ref, hyp } = makePair({ seed: words, length: words, vocab: lex.length, errorPermille: 100, junk: 0 });
  return { ref: ref.map((t) => lex[t]!).join(' '), hyp: hyp.map((t) => lex[t]!).join(' ') };
}

/** The old scorer: same splitting and id mapping, old full-matrix aligner. */
function oldScore(units: (s: string) => string[], ref: string, hyp: string): unknown {
  const ids = new Map<string, number>();
  const toId = (t: string): number => ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1);
  return fullMatrixAlignIds(units(ref).map(toId), units(hyp).map(toId)).counts;
}

function meanMs(bench: Bench, name: string): number {
  return bench.tasks.find((t) => t.name === name)?.result?.mean ?? NaN;
}

async function main(): Promise<void> {
  const pairs = new Map(SIZES.map((n) => [n, textPair(n)]));
  const long = pairs.get(5000)!;
  // Sanity before timing: both aligners agree on the WER counts of every timed pair.
  for (const [n, p] of pairs) {
    const same = JSON.stringify(scoreWords(p.ref, p.hyp)) === JSON.stringify(oldScore(splitWords, p.ref, p.hyp));
    if (!same) console.log(`note: ${n}-word pair: old and new S/D/I split differ (rapidfuzz ties above its split threshold)`);
  }
  const bench = new Bench({ time: TIME_MS, warmupTime: 200 });
  for (const [n, p] of pairs) {
    bench.add(`WER ${n} words, old`, () => void oldScore(splitWords, p.ref, p.hyp));
    bench.add(`WER ${n} words, new`, () => void scoreWords(p.ref, p.hyp));
  }
  bench.add('CER 5000 words, new', () => void scoreChars(long.ref, long.hyp));
  const rng = createPrng(7);
  const itemsA = Array.from({ length: 2000 }, (_, k) => ({ id: `u${k}`, errors: rng.int(4), referenceLength: 5 + rng.int(30) }));
  const itemsB = itemsA.map((x) => ({ ...x, errors: x.errors + rng.int(2) }));
  bench.add('bootstrapCi 2000 items x 2000', () => void bootstrapCi(itemsA, { resamples: 2000 }));
  bench.add('pairedBootstrap 2000 items x 2000', () => void pairedBootstrap(itemsA, itemsB, { resamples: 2000 }));
  bench.add('mapsswe 2000 items', () => void mapsswe(itemsA, itemsB));
  await bench.warmup();
  await bench.run();
  console.table(bench.table());

  const chars = splitChars(long.ref).length;
  let oldCer: string;
  try {
    oldScore(splitChars, long.ref, long.hyp);
    oldCer = 'old ran';
  } catch (e) {
    oldCer = `old throws: ${(e as Error).message.slice(0, 90)}...`;
  }
  console.log('\nsize          old ms     new ms   old/new');
  for (const n of SIZES) {
    const o = meanMs(bench, `WER ${n} words, old`);
    const w = meanMs(bench, `WER ${n} words, new`);
    console.log(`WER ${String(n).padStart(5)}  ${o.toFixed(3).padStart(9)}  ${w.toFixed(3).padStart(9)}  ${(o / w).toFixed(1).padStart(7)}x`);
  }
  const cer = meanMs(bench, 'CER 5000 words, new');
  console.log(`CER  5000 words (${chars} chars): new ${cer.toFixed(1)} ms; ${oldCer}`);
  const w5000 = meanMs(bench, 'WER 5000 words, new');
  console.log(`5000-word WER ${w5000.toFixed(2)} ms: target <= ${TARGET_MS} ms ${w5000 <= TARGET_MS ? 'met' : 'MISSED'}`);
  for (const name of ['bootstrapCi 2000 items x 2000', 'pairedBootstrap 2000 items x 2000', 'mapsswe 2000 items']) {
    const ms = meanMs(bench, name);
    console.log(`${name}: ${ms.toFixed(2)} ms (target well under 100 ms: ${ms < 100 ? 'met' : 'MISSED'})`);
  }
}

await main();
