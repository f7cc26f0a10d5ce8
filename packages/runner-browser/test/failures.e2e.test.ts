import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetSpec } from '@parakeet-bench/runner-node';
import { parseSweepSpec, runSweep } from '@parakeet-bench/runner-node';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { BROWSER_FAULT_ENV, BROWSER_WORKER, runBrowserConfig } from '../src/index.ts';
import { fixtureVariants, makeJob, shortFixture } from './fixture-jobs.ts';

let work = '';
let paths: FixturePaths;
let dataset: DatasetSpec;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rb-fail-'));
  ({ paths, dataset } = await shortFixture(work, 1));
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

async function sweepWithFault(fault: string, timeoutSec: number, resultsDir: string) {
  const spec = parseSweepSpec(
    {
      variants: [fixtureVariants(paths).fp32],
      oracleVariant: 'fp32',
      backends: [{ backend: 'web-wasm', threads: [1] }, { backend: 'node-cpu', threads: [1] }],
      decoders: [{ kind: 'greedy' }],
      datasets: [dataset],
      timeoutSec,
    },
    'failures.e2e.test',
  );
  const log: string[] = [];
  process.env[BROWSER_FAULT_ENV] = fault;
  try {
    const outcomes = await runSweep(spec, { resultsDir, workers: { 'web-wasm': BROWSER_WORKER, 'web-webgpu': BROWSER_WORKER }, log: (l) => log.push(l) });
    return { outcomes, log };
  } finally {
    delete process.env[BROWSER_FAULT_ENV];
  }
}

describe('a dying or hanging browser is a failed result, never a stuck run', () => {
  it('records the browser being killed mid-run', async () => {
    const job = makeJob(fixtureVariants(paths).fp32, 'web-wasm', 1, dataset, work);
    await expect(runBrowserConfig(job, { onBrowser: (b) => process.kill(b.pid!, 'SIGKILL') })).rejects.toThrow(/browser exited or crashed|renderer crashed/);
  }, 60_000);

  it('times out a page call that never returns', async () => {
    const job = makeJob(fixtureVariants(paths).fp32, 'web-wasm', 1, dataset, work);
    await expect(runBrowserConfig(job, { hangOnLoad: true, callTimeoutMs: 1500 })).rejects.toThrow(/page call hang timed out after 1500 ms/);
  }, 60_000);

  it('sweep: a renderer crash is recorded by the browser worker and the node-cpu config still runs', async () => {
    const { outcomes, log } = await sweepWithFault('crash', 60, join(work, 'crash'));
    const [web, node] = outcomes;
    expect(web?.result.status).toBe('failed');
    expect(web?.result.error?.message).toMatch(/renderer crashed|browser exited or crashed|lost the page/);
    expect(web?.result.environment.runtime).toBe('onnxruntime-web');
    expect(node?.result.status, log.join('\n')).toBe('ok');
  }, 150_000);

  it('sweep: a hung browser worker is killed at the timeout, its Chromium dies with it, the sweep goes on', async () => {
    const { outcomes, log } = await sweepWithFault('hang', 15, join(work, 'hang'));
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
