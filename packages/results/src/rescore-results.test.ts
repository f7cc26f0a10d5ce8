import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { parseBenchResult } from '@parakeet-bench/core';
import { sample, writeSamples } from '../test/sample.ts';
import { rescoreResults } from './rescore-results.ts';

const zero = { hits: 0, substitutions: 0, deletions: 0, insertions: 0, referenceLength: 0 };
/** A result storing raw texts; its counts are placeholders until it is rescored. */
function withTexts(dataset: string, texts: readonly (readonly [string, string])[]): BenchResult {
  const utterances = texts.map(([reference, hypothesis], k) => ({ id: `u${k}`, audio: `u${k}.wav`, durationSec: 1, reference, hypothesis, wer: 0, cer: 0, words: zero, chars: zero }));
  return { ...sample(dataset), utterances };
}
const read = async (file: string) => parseBenchResult(await readFile(file, 'utf8'), file);
const temp = () => mkdtemp(join(tmpdir(), 'results-rescore-'));

describe('rescoreResults', () => {
  it('rescores every result in place from its stored texts, keeping unknown fields', async () => {
    const dir = await temp();
    const [file] = await writeSamples(join(dir, 'run'), [withTexts('d', [['Hello, World!', 'hello world'], ['Le chat dort.', 'le chien dort']])]);
    await writeFile(file!, JSON.stringify({ ...JSON.parse(await readFile(file!, 'utf8')), futureField: { gitSha: 'abc' } }));

    const asDefault = await rescoreResults({ results: dir, normalizer: 'default' });
    expect(asDefault).toEqual({ rescored: [file], unscored: [], humanReferenceDropped: [] });
    const d = await read(file!);
    expect(d.scoring).toEqual({ normalizer: 'default' });
    expect(d.accuracy).toMatchObject({ wer: 1 / 5, words: { substitutions: 1, referenceLength: 5 } });
    expect(d.accuracy!.werCi).toMatchObject({ rate: 1 / 5, items: 2, seed: 0 });

    await rescoreResults({ results: dir, normalizer: 'none', language: 'fr' });
    const exact = await read(file!);
    expect(exact.scoring).toEqual({ normalizer: 'none', language: 'fr' });
    expect(exact.accuracy!.wer).toBe(1); // every word differs in case, punctuation or spelling
    expect(JSON.parse(await readFile(file!, 'utf8')).futureField).toEqual({ gitSha: 'abc' });
  });

  it('keeps a language the result records over --language, and writes a copy with --out', async () => {
    const dir = await temp();
    const out = await temp();
    const fr = { ...withTexts('fr', [['Il a 21 ans', 'il a vingt et un ans']]), scoring: { normalizer: 'default' as const, language: 'fr' } };
    const failed = { ...sample('x'), status: 'failed' as const, error: { message: 'boom' } };
    const [frFile, failedFile] = await writeSamples(join(dir, 'run'), [fr, failed]);
    const before = await readFile(frFile!, 'utf8');
    const summary = await rescoreResults({ results: dir, normalizer: 'open-asr-multilingual', language: 'en', out });
    expect(summary.unscored).toEqual([failedFile]);
    expect(await readFile(frFile!, 'utf8')).toBe(before);
    const copy = await read(join(out, 'run', 'fr__fp32__node-cpu-t1__greedy.json'));
    expect(copy.scoring).toEqual({ normalizer: 'open-asr-multilingual', language: 'fr' });
    expect(copy.accuracy!.wer).toBe(0);
    expect((await read(join(out, 'run', 'x__fp32__node-cpu-t1__greedy.json'))).status).toBe('failed');
  });

  it('refuses bad input naming the file and the fix, and then writes nothing', async () => {
    const dir = await temp();
    const [a, hy] = await writeSamples(join(dir, 'run'), [withTexts('a', [['x', 'x']]), { ...withTexts('hy', [['y', 'y']]), scoring: { normalizer: 'default', language: 'hy' } }]);
    const before = await readFile(a!, 'utf8');
    await expect(rescoreResults({ results: dir, normalizer: 'jiwer' })).rejects.toThrow(/unknown normalizer "jiwer"; valid ids: default, whisper-basic/);
    await expect(rescoreResults({ results: dir, normalizer: 'open-asr-multilingual' })).rejects.toThrow(`${hy}: open-asr-multilingual: the leaderboard scores Armenian`);
    expect(await readFile(a!, 'utf8')).toBe(before);
    await writeFile(join(dir, 'all.json'), JSON.stringify([sample('z')]));
    await expect(rescoreResults({ results: join(dir, 'all.json'), normalizer: 'none' })).rejects.toThrow(/all\.json\[0\]: an element of a JSON array file; .*split the array/);
    await writeFile(join(dir, 'run', 'broken.json'), '{');
    await expect(rescoreResults({ results: dir, normalizer: 'none' })).rejects.toThrow(/broken\.json: not valid JSON/);
    await expect(rescoreResults({ results: join(dir, 'nope'), normalizer: 'none' })).rejects.toThrow(/nope: no such results file or directory/);
  });
});
