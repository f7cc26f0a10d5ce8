/**
 * A dying or hanging browser inside a sweep is a failed result with its reason, never a stuck run:
 * the faulty Chromium launcher (CHROME_PATH, inherited by the worker) kills the browser or stops its
 * renderers mid-run, and the node-cpu config after it still runs.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { ensureFixture } from '@parakeet-bench/fixture';
import type { ChromiumFault } from '@parakeet-bench/runner-browser/testing';
import { faultyChromium } from '@parakeet-bench/runner-browser/testing';
import { runSweep } from '../src/sweep/run-sweep.ts';
import type { DatasetSpec } from '../src/sweep/sweep-spec.ts';
import { parseSweepSpec } from '../src/sweep/sweep-spec.ts';
import { fixtureVariants } from './fixture-jobs.ts';

let work = '';
let paths: FixturePaths;
let dataset: DatasetSpec;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pb-browser-fail-'));
  paths = await ensureFixture();
  // 390 s of the long clip: wasm stays busy for several seconds, so the fault lands mid-run.
  const manifest = join(work, 'long-excerpt.jsonl');
  await writeFile(manifest, `${JSON.stringify({ audio_filepath: paths.datasets.long.wav, text: 'x', duration: 390 })}\n`);
  dataset = { name: 'long-excerpt', kind: 'manifest', manifest };
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

async function sweepWithFault(fault: ChromiumFault, timeoutSec: number, resultsDir: string) {
  const spec = parseSweepSpec(
    {
      variants: [fixtureVariants(paths).fp32],
      oracleVariant: 'fp32',
      backends: [{ backend: 'web-wasm', threads: [1] }, { backend: 'node-cpu', threads: [1] }],
      decoders: [{ kind: 'greedy' }],
      datasets: [dataset],
      timeoutSec,
    },
    'browser-failures.e2e.test',
  );
  const log: string[] = [];
  const chromium = await faultyChromium(fault);
  const saved = process.env['CHROME_PATH'];
  process.env['CHROME_PATH'] = chromium.path;
  try {
    const outcomes = await runSweep(spec, { resultsDir, log: (l) => log.push(l) });
    return { outcomes, log };
  } finally {
    if (saved === undefined) delete process.env['CHROME_PATH'];
    else process.env['CHROME_PATH'] = saved;
    await chromium.cleanup();
  }
}

describe('a dying or hanging browser is a failed result, never a stuck run', () => {
  it('sweep: a browser killed mid-run is recorded by the worker and the node-cpu config still runs', async () => {
    const { outcomes, log } = await sweepWithFault({ kind: 'kill', afterSec: 1 }, 60, join(work, 'crash'));
    const [web, node] = outcomes;
    expect(web?.result.status).toBe('failed');
    expect(web?.result.error?.message).toMatch(/renderer crashed|browser exited or crashed|lost the page/);
    expect(web?.result.environment.runtime).toBe('onnxruntime-web');
    expect(node?.result.status, log.join('\n')).toBe('ok');
  }, 150_000);

  it('sweep: a hung browser worker is killed at the timeout, its Chromium dies with it, the sweep goes on', async () => {
    const { outcomes, log } = await sweepWithFault({ kind: 'hang', afterSec: 1 }, 15, join(work, 'hang'));
    const [web, node] = outcomes;
    expect(web?.result.status).toBe('failed');
    expect(web?.result.error?.message).toBe('timed out after 15 s');
    expect(node?.result.status).toBe('ok');
    const pid = Number(/chromium pid (\d+)/.exec(log.join('\n'))?.[1]);
    expect(pid, log.join('\n')).toBeGreaterThan(0);
    // PR_SET_PDEATHSIG: the orphaned browser is killed by the kernel when its worker dies.
    const deadline = Date.now() + 5000;
    while (existsSync(`/proc/${pid}`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(`/proc/${pid}`), `chromium ${pid} outlived its worker`).toBe(false);
  }, 150_000);
});
