import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makePair, type PairSpec } from '../../bench/pairs.ts';
import { fullMatrixAlignIds } from '../../bench/reference/full-matrix-align.ts';
import { createPrng } from '../stats/prng.ts';
import { alignIds, type AlignmentChunk } from './align.ts';

const fixtureSchema = z.object({
  rapidfuzz: z.string(),
  cases: z.array(
    z.object({
      spec: z.object({ seed: z.number(), length: z.number(), vocab: z.number(), errorPermille: z.number(), junk: z.number() }),
      inputChecksum: z.number(),
      hypLength: z.number(),
      counts: z.object({ hits: z.number(), substitutions: z.number(), deletions: z.number(), insertions: z.number() }),
      chunkCount: z.number(),
      chunksHash: z.number(),
      chunks: z.string().optional(),
    }),
  ),
});
const fixture = fixtureSchema.parse(JSON.parse(readFileSync(new URL('./fixtures/rapidfuzz-opcodes.json', import.meta.url), 'utf8')));

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

const chunkText = (chunks: readonly AlignmentChunk[]): string => chunks.map((c) => `${c.type},${c.refStart},${c.refEnd},${c.hypStart},${c.hypEnd}`).join(';');

/** rapidfuzz splits (Hirschberg) when the middle left after affix removal spans >= 2^22 cells (hirschberg.ts). */
function splitsInRapidfuzz(ref: readonly number[], hyp: readonly number[]): boolean {
  let pre = 0;
  while (pre < ref.length && pre < hyp.length && ref[pre] === hyp[pre]) pre++;
  let suf = 0;
  while (suf < ref.length - pre && suf < hyp.length - pre && ref[ref.length - 1 - suf] === hyp[hyp.length - 1 - suf]) suf++;
  const n = ref.length - pre - suf;
  const m = hyp.length - pre - suf;
  return n >= 65 && m >= 10 && 2 * n * m >= 8 * 1024 * 1024;
}

describe('alignIds against rapidfuzz (the library jiwer calls)', () => {
  it(`reproduces rapidfuzz ${fixture.rapidfuzz} opcodes on every fixture pair, split regime included`, () => {
    let splitting = 0;
    for (const c of fixture.cases) {
      const { ref, hyp } = makePair(c.spec);
      // A drift between bench/pairs.ts and the Python mirror would otherwise look like an aligner bug.
      expect(fnv1a(`${ref.join(',')}|${hyp.join(',')}`), `generator drift for ${JSON.stringify(c.spec)}`).toBe(c.inputChecksum);
      const a = alignIds(ref, hyp);
      const text = chunkText(a.chunks);
      if (c.chunks !== undefined) expect(text).toBe(c.chunks);
      expect({ ...a.counts, chunkCount: a.chunks.length, hash: fnv1a(text) }, JSON.stringify(c.spec)).toEqual({
        ...c.counts,
        referenceLength: ref.length,
        chunkCount: c.chunkCount,
        hash: c.chunksHash,
      });
      if (splitsInRapidfuzz(ref, hyp)) splitting++;
    }
    expect(splitting).toBeGreaterThanOrEqual(16); // the long cases really exercise the split path
  });

  it('hand-readable split-regime tie: 3000 x 3015 with runs of equal tokens (rapidfuzz 3.14 output)', () => {
    const ref = [...Array<number>(3000).fill(0), ...Array<number>(10).fill(1)];
    const hyp = [...Array<number>(2990).fill(1), ...Array<number>(25).fill(0)];
    expect(alignIds(ref, hyp).chunks).toEqual([
      { type: 'insert', refStart: 0, refEnd: 0, hypStart: 0, hypEnd: 15 },
      { type: 'substitute', refStart: 0, refEnd: 2975, hypStart: 15, hypEnd: 2990 },
      { type: 'equal', refStart: 2975, refEnd: 3000, hypStart: 2990, hypEnd: 3015 },
      { type: 'delete', refStart: 3000, refEnd: 3010, hypStart: 3015, hypEnd: 3015 },
    ]);
  });
});

describe('alignIds against the old full-matrix implementation (bench/reference)', () => {
  const specs: PairSpec[] = [];
  const rng = createPrng(20261201);
  for (let k = 0; k < 400; k++) specs.push({ seed: rng.nextUint32(), length: rng.int(60), vocab: 2 + rng.int(8), errorPermille: rng.int(1000), junk: rng.int(3) === 0 ? rng.int(30) : 0 });
  // Long pairs below rapidfuzz's split threshold, where the old code was exact.
  for (let k = 0; k < 12; k++) specs.push({ seed: rng.nextUint32(), length: 600 + rng.int(1400), vocab: [3, 50, 4000][k % 3]!, errorPermille: 20 + rng.int(300), junk: k % 4 === 0 ? 200 : 0 });

  it('gives identical chunks and counts on random pairs below the split threshold, long ones included', () => {
    let long = 0;
    for (const spec of specs) {
      const { ref, hyp } = makePair(spec);
      if (splitsInRapidfuzz(ref, hyp)) continue;
      if (ref.length >= 600) long++;
      expect(alignIds(ref, hyp), JSON.stringify(spec)).toEqual(fullMatrixAlignIds(ref, hyp));
    }
    expect(long).toBeGreaterThanOrEqual(8);
  });

  // Where rapidfuzz splits, its tie-breaking differs from one whole-matrix trace-back; the old code's own
  // header said so ("the S/D/I split could move"). The total is the Levenshtein distance either way.
  it('gives the same total edits on long pairs where rapidfuzz (and so the new code) splits', () => {
    let compared = 0;
    for (let k = 0; k < 6; k++) {
      const { ref, hyp } = makePair({ seed: 77 + k, length: 2200 + 300 * k, vocab: [2, 30, 3000][k % 3]!, errorPermille: 150, junk: 400 });
      expect(splitsInRapidfuzz(ref, hyp)).toBe(true);
      const total = (c: { substitutions: number; deletions: number; insertions: number }): number => c.substitutions + c.deletions + c.insertions;
      expect(total(alignIds(ref, hyp).counts)).toBe(total(fullMatrixAlignIds(ref, hyp).counts));
      compared++;
    }
    expect(compared).toBe(6);
  });
});
