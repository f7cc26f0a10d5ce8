import type { DecodeResult, DecoderConfig, EncodedAudio } from '@parakeet-bench/core';
import { MAES_DEFAULTS, createDecoder, detokenizeIds, scoreCorpus } from '@parakeet-bench/core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureHarness } from './fixture-harness.ts';
import { openFixtureHarness } from './fixture-harness.ts';

/** End-to-end on the generated fixture model (onnxruntime-node): real decoder_joint, real scoring. */
let h: FixtureHarness;
let short: { ref: string; enc: EncodedAudio }[];
let hard: { ref: string; enc: EncodedAudio }[];

beforeAll(async () => {
  h = await openFixtureHarness();
  const load = async (corpus: FixtureHarness['fixture']['datasets']['hard']) =>
    Promise.all(corpus.items.map(async (item) => ({ ref: item.text, enc: await h.encodeWav(join(corpus.dir, item.audio)) })));
  short = await load(h.fixture.datasets.short);
  hard = await load(h.fixture.datasets.hard);
}, 60_000);
afterAll(async () => h?.model.release());

const maes = (beamWidth: number, scoreNorm: boolean = MAES_DEFAULTS.scoreNorm): DecoderConfig => ({ kind: 'maes', ...MAES_DEFAULTS, beamWidth, scoreNorm });
async function decodeAll(clips: readonly { enc: EncodedAudio }[], config: DecoderConfig): Promise<DecodeResult[]> {
  const decoder = createDecoder(config);
  const ctx = { joint: h.model.joint, blankId: h.model.vocab.blankId, maxTokensPerStep: h.model.config.maxTokensPerStep };
  const out: DecodeResult[] = [];
  for (const c of clips) out.push(await decoder.decode(c.enc, ctx));
  return out;
}
const wer = (clips: readonly { ref: string }[], results: readonly DecodeResult[]) =>
  scoreCorpus(clips.map((c, i) => ({ ref: c.ref, hyp: detokenizeIds(results[i]!.tokens, h.model.vocab) })));

describe('MaesTdtDecoder on the fixture model', () => {
  it('beam width 1 gives exactly the greedy tokens and frames', async () => {
    for (const clips of [short, hard]) {
      const greedy = await decodeAll(clips, { kind: 'greedy' });
      const beam1 = await decodeAll(clips, maes(1));
      expect(beam1.map((r) => [r.tokens, r.frames])).toEqual(greedy.map((r) => [r.tokens, r.frames]));
      expect(greedy.some((r) => r.tokens.length > 0)).toBe(true);
    }
  });

  it('a width-4 beam lowers the WER greedy makes on the hard corpus', async () => {
    const greedy = wer(hard, await decodeAll(hard, { kind: 'greedy' }));
    const beam4Results = await decodeAll(hard, maes(4));
    const beam4 = wer(hard, beam4Results);
    const beam10 = wer(hard, await decodeAll(hard, maes(10)));
    const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
    console.log(
      `fixture-hard (${hard.length} clips, ${greedy.words.referenceLength} words): WER greedy ${pct(greedy.wer)}, ` +
        `maes-b4 ${pct(beam4.wer)}, maes-b10 ${pct(beam10.wer)}; ` +
        `maes-b4 mean batch ${(beam4Results.reduce((s, r) => s + r.meanDecoderBatch, 0) / beam4Results.length).toFixed(2)}, ` +
        `mean live hyps ${(beam4Results.reduce((s, r) => s + (r.meanLiveHypotheses ?? 0), 0) / beam4Results.length).toFixed(2)}`,
    );
    expect(greedy.wer).toBeGreaterThan(0);
    expect(beam4.wer).toBeLessThan(greedy.wer);
    expect(beam4Results.every((r) => r.meanDecoderBatch > 1)).toBe(true);
  });

  it('keeps the clean corpus exact with a wide beam when scores are not length-normalised', async () => {
    const plain = wer(short, await decodeAll(short, maes(10, false)));
    const normalised = wer(short, await decodeAll(short, maes(10)));
    // score / len favours extra tokens when every frame's blank costs a lot, as on this fixture
    // (silence blank p ~ 0.64); printed so a fixture change that sharpens blanks is visible.
    console.log(`fixture-short: WER maes-b10 ${(100 * plain.wer).toFixed(2)}% without score_norm, ${(100 * normalised.wer).toFixed(2)}% with it`);
    expect(plain.wer).toBe(0);
  });
});
