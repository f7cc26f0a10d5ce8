import { describe, expect, it } from 'vitest';
import { buildSweep } from './build-sweep.ts';
import { planJobs } from './plan.ts';
import { batchNotes, datasetLanguage, parseSweepSpec, resolveDatasetPaths } from './sweep-spec.ts';
import type { SweepSpecInput } from './sweep-spec.ts';

const variant = { id: 'fp32', dir: 'm', encoderFile: 'e.onnx', decoderFile: 'd.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' };
const base = {
  variants: [variant],
  oracleVariant: 'fp32',
  backends: [{ backend: 'node-cpu', threads: [1] }],
  decoders: [{ kind: 'greedy' }],
  datasets: [{ name: 'long', kind: 'long', audio: 'a.wav' }],
};

describe('parseSweepSpec', () => {
  it('applies the protocol defaults (390 s pass, 60 s sections, 5000-frame wall)', () => {
    const s = parseSweepSpec(base, 'sweep.json');
    expect(s.datasets[0]).toMatchObject({ maxSec: 390, sectionSec: 60, maxEncoderFrames: 5000 });
    expect(s.timeoutSec).toBe(1800);
  });
  it('names the file and the problem', () => {
    expect(() => parseSweepSpec({ ...base, backends: [{ backend: 'cuda', threads: [1] }] }, 'sweep.json')).toThrow(/sweep.json: invalid sweep/);
    expect(() => parseSweepSpec({ ...base, oracleVariant: 'fp64' }, 'sweep.json')).toThrow(/oracleVariant "fp64" is not one of the variants \(fp32\)/);
    expect(() => parseSweepSpec({ ...base, variants: [variant, variant] }, 's')).toThrow(/variant ids must be unique/);
    expect(() => parseSweepSpec({ ...base, variants: [{ ...variant, id: 'a/b' }], oracleVariant: 'a/b' }, 's')).toThrow(/variant ids may use/);
  });
  it('refuses unknown fields anywhere, naming the path and the closest known field', () => {
    expect(() => parseSweepSpec({ ...base, timeoutSecs: 60 }, 'sweep.json')).toThrow(/sweep.json: invalid sweep:\n {2}\(top level\): unknown field "timeoutSecs" \(did you mean "timeoutSec"\?\)/);
    expect(() => parseSweepSpec({ ...base, variants: [{ ...variant, preprocesorFile: 'x.onnx' }] }, 's')).toThrow(/variants\[0\]: unknown field "preprocesorFile" \(did you mean "preprocessorFile"\?\)/);
    expect(() => parseSweepSpec({ ...base, decoders: [{ kind: 'greedy', beamWidth: 4 }] }, 's')).toThrow(/decoders\[0\]: unknown field "beamWidth"/);
    expect(() => parseSweepSpec({ ...base, datasets: [{ name: 'l', kind: 'long', audio: 'a.wav', maxSecs: 60 }] }, 's')).toThrow(/datasets\[0\]: unknown field "maxSecs" \(did you mean "maxSec"\?\)/);
  });
  it('refuses two dataset names that would share one result file ("a b" and "a/b" both become a_b)', () => {
    const two = [
      { name: 'a b', kind: 'manifest', manifest: 'x.jsonl' },
      { name: 'a/b', kind: 'manifest', manifest: 'y.jsonl' },
    ];
    expect(() => parseSweepSpec({ ...base, datasets: two }, 's')).toThrow(/datasets "a b" and "a\/b" map to the same result file name "a_b"; rename one/);
  });
});

describe('normalizer, compareTo and dataset languages', () => {
  const fleurs = (lang: string) => ({ name: `fleurs-${lang}`, kind: 'fleurs', dir: 'f', lang, split: 'test' });
  it('defaults to the default normaliser and the oracle as reference; jobs carry both, with the dataset language', () => {
    const s = parseSweepSpec({ ...base, datasets: [...base.datasets, fleurs('fr_fr')] }, 'sweep.json');
    expect([s.normalizer, s.compareTo]).toEqual(['default', undefined]);
    const jobs = planJobs({ ...s, normalizer: 'open-asr-multilingual' }, { resultsDir: '/r' });
    expect(jobs.map((j) => [j.config.dataset, j.scoring, j.compareTo])).toEqual([
      ['long', { normalizer: 'open-asr-multilingual' }, 'fp32'],
      ['fleurs-fr_fr', { normalizer: 'open-asr-multilingual', language: 'fr' }, 'fp32'],
    ]);
  });
  it('FLEURS datasets know their language; others say it with `language`', () => {
    expect(datasetLanguage({ name: 'x', kind: 'fleurs', dir: 'f', lang: 'cmn_hans_cn', split: 'test' })).toBe('cmn');
    expect(datasetLanguage({ name: 'x', kind: 'manifest', manifest: 'm', language: 'de' })).toBe('de');
    expect(datasetLanguage({ name: 'x', kind: 'folder', dir: 'd' })).toBeUndefined();
  });
  it('refuses an unknown normaliser, an unknown compareTo, a bad language and a language the normaliser refuses', () => {
    expect(() => parseSweepSpec({ ...base, normalizer: 'jiwer' }, 'sweep.json')).toThrow(/sweep.json: invalid sweep:\s.*normalizer/s);
    expect(() => parseSweepSpec({ ...base, compareTo: 'fp64' }, 'sweep.json')).toThrow(/sweep.json: compareTo "fp64" is not one of the variants \(fp32\)/);
    expect(() => parseSweepSpec({ ...base, datasets: [{ name: 'm', kind: 'manifest', manifest: 'm', language: 'french!' }] }, 's')).toThrow(/language codes look like fr, pt_br, en-US/);
    expect(() => parseSweepSpec({ ...base, normalizer: 'open-asr-multilingual', datasets: [fleurs('hy_am')] }, 'sweep.json')).toThrow(/sweep.json: dataset "fleurs-hy_am": open-asr-multilingual: .*Armenian/);
  });
  it('takes --normalizer, --compare-to and --language as overrides, validated like the file', () => {
    const s = buildSweep({ ...base, datasets: [...base.datasets, fleurs('fr_fr')] } as SweepSpecInput, { normalizer: 'whisper-basic', compareTo: 'fp32', language: 'en' }, 'sweep.json');
    expect([s.normalizer, s.compareTo, s.datasets.map(datasetLanguage)]).toEqual(['whisper-basic', 'fp32', ['en', 'fr']]);
    expect(() => buildSweep(base as SweepSpecInput, { normalizer: 'whisper' }, 'sweep.json')).toThrow(/sweep.json with the command-line overrides: invalid sweep:\s.*normalizer/s);
    expect(() => buildSweep(base as SweepSpecInput, { compareTo: 'int8' }, 'sweep.json')).toThrow(/compareTo "int8" is not one of the variants/);
  });
});

describe('resolveDatasetPaths', () => {
  it('resolves every path field of each dataset kind against a base, keeping absolute ones', () => {
    expect(resolveDatasetPaths({ name: 'm', kind: 'manifest', manifest: 'a/m.jsonl' }, '/sweeps')).toMatchObject({ manifest: '/sweeps/a/m.jsonl' });
    expect(resolveDatasetPaths({ name: 'f', kind: 'folder', dir: '../clips' }, '/sweeps/x')).toMatchObject({ dir: '/sweeps/clips' });
    expect(resolveDatasetPaths({ name: 'l', kind: 'long', audio: 'r.wav', referenceText: '/abs/r.txt' }, '/s')).toMatchObject({ audio: '/s/r.wav', referenceText: '/abs/r.txt' });
    expect(resolveDatasetPaths({ name: 'l', kind: 'long', audio: '/abs/r.wav' }, '/s')).not.toHaveProperty('referenceText');
  });
});

describe('memoryProfile', () => {
  const long = (memoryProfile: unknown, extra: object = {}) => ({ ...base, datasets: [{ name: 'long', kind: 'long', audio: 'a.wav', memoryProfile, ...extra }] });
  it('takes increasing prefixes up to the pass length, and profiles the first decoder of each backend setting only', () => {
    const s = parseSweepSpec({ ...long({ prefixSec: [60, 120, 240, 390] }), decoders: [{ kind: 'greedy' }, { kind: 'greedy', maxTokensPerStep: 5 }] }, 's');
    expect(s.datasets[0]).toMatchObject({ memoryProfile: { prefixSec: [60, 120, 240, 390] } });
    expect(planJobs(s, { resultsDir: 'r' }).map((j) => j.profileMemory ?? false)).toEqual([true, false]);
  });
  it('refuses bad prefixes with the dataset, the values and the fix', () => {
    expect(() => parseSweepSpec(long({ prefixSec: [120, 60] }), 'sweep.json')).toThrow('sweep.json: dataset "long": memoryProfile.prefixSec must increase (120, 60: 60 s after 120 s)');
    expect(() => parseSweepSpec(long({ prefixSec: [60, 400] }), 'sweep.json')).toThrow('sweep.json: dataset "long": memoryProfile.prefixSec: 400 s is longer than the pass (maxSec 390 s); raise maxSec or drop the prefix');
    expect(() => parseSweepSpec(long({ prefixSec: [60, 90] }, { maxSec: 80 }), 's')).toThrow('90 s is longer than the pass (maxSec 80 s)');
    expect(() => parseSweepSpec(long({ prefixSec: [] }), 's')).toThrow(/datasets\[0\]\.memoryProfile\.prefixSec/);
    expect(() => parseSweepSpec(long({ prefixSec: [0, 60] }), 's')).toThrow(/datasets\[0\]\.memoryProfile\.prefixSec\[0\]/);
    expect(() => parseSweepSpec(long({ prefixes: [60] }), 's')).toThrow(/unknown field "prefixes" \(did you mean "prefixSec"\?\)/);
  });
  it('belongs to long datasets only: another kind names the kind it applies to', () => {
    const corpus = { ...base, datasets: [{ name: 'fleurs', kind: 'manifest', manifest: 'm.jsonl', memoryProfile: { prefixSec: [60] } }] };
    expect(() => parseSweepSpec(corpus, 'sweep.json')).toThrow('sweep.json: dataset "fleurs": memoryProfile applies to long datasets (the long-audio protocol), not kind "manifest"');
  });
  it('comes from the command line for every long dataset, and is refused on a sweep without one', () => {
    expect(buildSweep(base as SweepSpecInput, { memoryProfile: [60, 120] }, 's').datasets[0]).toMatchObject({ memoryProfile: { prefixSec: [60, 120] } });
    const corpus = { ...base, datasets: [{ name: 'm', kind: 'manifest', manifest: 'm.jsonl' }] } as SweepSpecInput;
    expect(() => buildSweep(corpus, { memoryProfile: [60] }, 's')).toThrow('--memory-profile applies to long datasets (the long-audio protocol); this sweep has none');
    expect(() => buildSweep(base as SweepSpecInput, { memoryProfile: [60, 30] }, 'sweep.json')).toThrow('sweep.json with the command-line overrides: dataset "long": memoryProfile.prefixSec must increase');
  });
});

describe('encoder fidelity in the plan', () => {
  it('is asked of node-cpu configs of every variant but the oracle', () => {
    const s = parseSweepSpec({ ...base, variants: [variant, { ...variant, id: 'int8' }], backends: [{ backend: 'node-cpu', threads: [1] }, { backend: 'web-wasm', threads: [1] }] }, 's');
    const jobs = planJobs(s, { resultsDir: 'r' });
    expect(jobs.map((j) => [j.config.variant, j.config.backend, j.fidelityOracle?.id ?? null])).toEqual([
      ['fp32', 'node-cpu', null],
      ['fp32', 'web-wasm', null],
      ['int8', 'node-cpu', 'fp32'],
      ['int8', 'web-wasm', null],
    ]);
  });
  it('is asked of the single pass at batch 1 only; a memory profile too (chunked and batched configs measure other encoder runs)', () => {
    const manifest = { name: 'm', kind: 'manifest', manifest: 'm.jsonl' };
    const s = parseSweepSpec(
      {
        ...base,
        variants: [variant, { ...variant, id: 'int8' }],
        datasets: [{ name: 'long', kind: 'long', audio: 'a.wav', memoryProfile: { prefixSec: [60] } }, manifest],
        longStrategies: [{ strategy: 'single' }, { strategy: 'chunked', windowSec: 60, overlapSec: 10 }],
        batchSize: [1, 4],
      },
      's',
    );
    const int8 = planJobs(s, { resultsDir: 'r' }).filter((j) => j.config.variant === 'int8');
    expect(int8.map((j) => [j.config.id, j.fidelityOracle?.id ?? null, j.profileMemory ?? false])).toEqual([
      ['long__int8__node-cpu-t1__greedy', 'fp32', true],
      ['long__int8__node-cpu-t1__greedy__chunked-w60-o10', null, false],
      ['m__int8__node-cpu-t1__greedy', 'fp32', false],
      ['m__int8__node-cpu-t1__greedy__b4', null, false],
    ]);
  });
});

describe('batchSize (throughput mode)', () => {
  const corpus = { name: 'short', kind: 'manifest', manifest: 's.jsonl' };
  const withBatch = (batchSize: unknown) => ({ ...base, datasets: [corpus, ...base.datasets], batchSize });

  it('defaults to 1: configs carry no batchSize and keep the ids they had before batching', () => {
    const jobs = planJobs(parseSweepSpec({ ...base, datasets: [corpus] }, 's'), { resultsDir: '/r' });
    expect(jobs.map((j) => j.config.id)).toEqual(['short__fp32__node-cpu-t1__greedy']);
    expect('batchSize' in jobs[0]!.config).toBe(false);
    expect(parseSweepSpec(withBatch(1), 's').batchSize).toEqual([1]);
  });

  it('one config per batch size on corpus datasets (bN in the id for N > 1); the long protocol stays at 1 with a note', () => {
    const spec = parseSweepSpec(withBatch([1, 8, 16]), 's');
    expect(planJobs(spec, { resultsDir: '/r' }).map((j) => [j.config.id, j.config.batchSize])).toEqual([
      ['short__fp32__node-cpu-t1__greedy', undefined],
      ['short__fp32__node-cpu-t1__greedy__b8', 8],
      ['short__fp32__node-cpu-t1__greedy__b16', 16],
      ['long__fp32__node-cpu-t1__greedy', undefined],
    ]);
    expect(batchNotes(spec)).toEqual(['long: the long-audio protocol is one single pass, so it runs at batch size 1 only (batch sizes 8, 16 apply to corpus datasets)']);
    expect(batchNotes(parseSweepSpec(withBatch(1), 's'))).toEqual([]);
    // A single number is a list of one; a long dataset still runs (at 1) when 1 is not listed.
    expect(planJobs(parseSweepSpec(withBatch(4), 's'), { resultsDir: '/r' }).map((j) => j.config.id)).toEqual(['short__fp32__node-cpu-t1__greedy__b4', 'long__fp32__node-cpu-t1__greedy']);
  });

  it('refuses batch sizes that are not whole numbers from 1 to 256, empty lists and repeats, naming the field and the fix', () => {
    expect(() => parseSweepSpec(withBatch(0), 'sweep.json')).toThrow(/sweep.json: invalid sweep:\n {2}batchSize: batch sizes are whole numbers from 1 to 256, e\.g\. "batchSize": \[1, 8, 16\]/);
    expect(() => parseSweepSpec(withBatch([1, 2.5]), 'sweep.json')).toThrow(/batchSize: batchSize is a whole number from 1 to 256 or a list of them, e\.g\. "batchSize": \[1, 8, 16\]/);
    expect(() => parseSweepSpec(withBatch('8'), 'sweep.json')).toThrow(/batchSize: batchSize is a whole number from 1 to 256 or a list of them/);
    expect(() => parseSweepSpec(withBatch([512]), 'sweep.json')).toThrow(/batchSize\[0\]: batch sizes are whole numbers from 1 to 256; larger batches only pad more/);
    expect(() => parseSweepSpec(withBatch([]), 'sweep.json')).toThrow(/batchSize: batchSize lists at least one batch size, e\.g\. \[1, 8, 16\]/);
    expect(() => parseSweepSpec(withBatch([8, 1, 8]), 'sweep.json')).toThrow('sweep.json: batchSize lists 8 more than once; list each batch size once');
  });

  it('takes --batch as an override, validated like the file', () => {
    expect(buildSweep(withBatch([1, 8]) as SweepSpecInput, { batchSizes: [2, 4] }, 's').batchSize).toEqual([2, 4]);
    expect(() => buildSweep(base as SweepSpecInput, { batchSizes: [0] }, 'sweep.json')).toThrow(/sweep.json with the command-line overrides: invalid sweep:\n {2}batchSize\[0\]/);
  });
});

describe('long-audio strategies', () => {
  const chunked = { strategy: 'chunked', windowSec: 60, overlapSec: 10 };
  const manifest = { name: 'm', kind: 'manifest', manifest: 'm.jsonl' };

  it('defaults to the single pass: the config ids results always had', () => {
    const s = parseSweepSpec(base, 'sweep.json');
    expect(s.longStrategies).toEqual([{ strategy: 'single' }]);
    expect(planJobs(s, { resultsDir: '/r' }).map((j) => j.config.id)).toEqual(['long__fp32__node-cpu-t1__greedy']);
  });

  it('plans one long config per strategy, naming only the chunked one; corpus datasets once', () => {
    const s = parseSweepSpec({ ...base, datasets: [...base.datasets, manifest], decoders: [{ kind: 'greedy' }, { kind: 'maes', beamWidth: 2, numSteps: 2, prefixAlpha: 1, expansionBeta: 2, expansionGamma: 2.3, scoreNorm: true }], longStrategies: [{ strategy: 'single' }, chunked] }, 's');
    const jobs = planJobs(s, { resultsDir: '/r', tensorCacheDir: '/c' });
    expect(jobs.map((j) => [j.config.id, j.cacheRole])).toEqual([
      ['long__fp32__node-cpu-t1__greedy', 'fresh'],
      ['long__fp32__node-cpu-t1__maes-b2', 'reuse'],
      ['long__fp32__node-cpu-t1__greedy__chunked-w60-o10', 'fresh'],
      ['long__fp32__node-cpu-t1__maes-b2__chunked-w60-o10', 'reuse'],
      ['m__fp32__node-cpu-t1__greedy', 'fresh'],
      ['m__fp32__node-cpu-t1__maes-b2', 'reuse'],
    ]);
    expect(jobs[0]!.config).not.toHaveProperty('longStrategy');
    expect(jobs[2]!.config.longStrategy).toEqual(chunked);
  });

  it('refuses a bad or repeated strategy, naming the field', () => {
    expect(() => parseSweepSpec({ ...base, longStrategies: [{ strategy: 'chunked', windowSec: 20, overlapSec: 15 }] }, 's')).toThrow(/longStrategies\[0\]\.overlapSec: overlapSec must be at most half of windowSec/);
    expect(() => parseSweepSpec({ ...base, longStrategies: [{ strategy: 'chunked', windowSecs: 20 }] }, 's')).toThrow(/longStrategies\[0\]: unknown field "windowSecs" \(did you mean "windowSec"\?\)/);
    expect(() => parseSweepSpec({ ...base, longStrategies: [chunked, { strategy: 'chunked' }] }, 's')).toThrow(/longStrategies lists chunked-w60-o10 twice/);
  });

  it('takes --long-strategy as an override: single, chunked, chunked:<window>:<overlap>', () => {
    const s = buildSweep(base as SweepSpecInput, { longStrategies: ['single', 'chunked:30:5'] }, 'sweep.json');
    expect(s.longStrategies).toEqual([{ strategy: 'single' }, { strategy: 'chunked', windowSec: 30, overlapSec: 5 }]);
    expect(buildSweep(base as SweepSpecInput, { longStrategies: ['chunked'] }, 'sweep.json').longStrategies).toEqual([chunked]);
    expect(() => buildSweep(base as SweepSpecInput, { longStrategies: ['chunked:a:b'] }, 'sweep.json')).toThrow(/--long-strategy "chunked:a:b": window and overlap must be numbers/);
  });
});
