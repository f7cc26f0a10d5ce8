/**
 * Runs one web-wasm / web-webgpu config: audio decoded in Node (runner-node's datasets), the model run
 * inside a fresh headless Chromium by the same core pipeline, and the transcripts scored in Node by
 * the same core functions as node-cpu, so only the runtime differs between backends.
 */
import type { BackendName, BenchResult, ClipTranscript, ModelVariant } from '@parakeet-bench/core';
import { nowMs, parseModelConfig } from '@parakeet-bench/core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigJob, ProgressFn } from '@parakeet-bench/runner-node';
import { PhaseError, loadDataset, okResult, phase, prepareLongPass, scoreRun } from '@parakeet-bench/runner-node';
import type { BenchBrowser } from './bench-browser.ts';
import { openBenchBrowser } from './bench-browser.ts';
import { readBrowserPeaks, resetBrowserPeaks } from './browser-memory.ts';
import type { BrowserLimits, GraphPlan } from './browser-limits.ts';
import { DEFAULT_BROWSER_LIMITS, planBrowserModel } from './browser-limits.ts';
import { browserEnvironment, unsupportedResult } from './browser-result.ts';
import { PAGE_HTML, PAGE_PATHS, buildPageBundle, ortWebDistDir } from './page-bundle.ts';
import type { PageExternalData, PageLoadRequest } from './page/page-protocol.ts';
import { startStaticServer } from './static-server.ts';

/** Backends this runner serves. */
export const BROWSER_BACKENDS: readonly BackendName[] = ['web-wasm', 'web-webgpu'];

/** Knobs for tests and callers; the worker uses the defaults. */
export interface BrowserRunOptions {
  readonly progress?: ProgressFn;
  readonly limits?: BrowserLimits;
  /** Deadline of each page call (load, one clip); absent = only the sweep's per-config timeout. */
  readonly callTimeoutMs?: number;
  readonly executablePath?: string;
  /** Called once the page is up; tests use it to crash the browser mid-run. */
  readonly onBrowser?: (browser: BenchBrowser) => void;
  /** Test fault: the model load never finishes (exercises timeouts). */
  readonly hangOnLoad?: boolean;
}

const fileUrl = (file: string): string => PAGE_PATHS.model + file.split('/').map(encodeURIComponent).join('/');

function externalDataOf(graphs: readonly GraphPlan[]): Record<string, PageExternalData[]> {
  const out: Record<string, PageExternalData[]> = {};
  for (const g of graphs) out[g.file] = g.externalData.map((e) => ({ path: e.path, url: fileUrl(e.file) }));
  return out;
}

function clipsOf(data: Awaited<ReturnType<typeof loadDataset>>): Float32Array[] {
  return data.kind === 'corpus' ? data.utterances.map((u) => u.samples) : [data.samples];
}

/** Refuses a long pass the encoder cannot take, and finds its oracle, before a browser is started. */
async function checkLong(job: ConfigJob, data: Awaited<ReturnType<typeof loadDataset>>, variant: ModelVariant): Promise<string[] | null> {
  if (data.kind !== 'long') return null;
  const configPath = join(variant.dir, 'config.json');
  const config = parseModelConfig(await readFile(configPath, 'utf8').catch(() => '{}'), configPath);
  return prepareLongPass(job, data, config.subsamplingFactor);
}

/** Runs one browser config in a fresh Chromium; unsupported configs return without launching one. */
export async function runBrowserConfig(job: ConfigJob, options: BrowserRunOptions = {}): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const backend = job.config.backend;
  if (!BROWSER_BACKENDS.includes(backend)) throw new PhaseError('plan', new Error(`runner-browser runs ${BROWSER_BACKENDS.join(' and ')}, not ${backend}`));
  const progress = options.progress ?? (() => undefined);
  const plan = await phase('plan', () => planBrowserModel(job.variant, backend, options.limits ?? DEFAULT_BROWSER_LIMITS));
  if (plan.status === 'unsupported') return unsupportedResult(job, plan.reason, startedAt, null);
  const data = await phase('audio', () => loadDataset(job.dataset));
  const oracleTexts = await checkLong(job, data, plan.variant);
  const clips = clipsOf(data);

  const bundle = await phase('bundle', () => buildPageBundle());
  const server = await startStaticServer({
    roots: { [PAGE_PATHS.ort]: ortWebDistDir(), [PAGE_PATHS.model]: job.variant.dir },
    files: { [PAGE_PATHS.html]: PAGE_HTML, [PAGE_PATHS.bundle]: bundle },
  });
  clips.forEach((c, i) => server.setFile(`${PAGE_PATHS.audio}${i}.f32`, new Uint8Array(c.buffer, c.byteOffset, c.byteLength)));
  let browser: BenchBrowser | null = null;
  try {
    browser = await phase('launch', () =>
      openBenchBrowser(server, {
        webgpu: backend === 'web-webgpu',
        ...(options.executablePath ? { executablePath: options.executablePath } : {}),
        ...(options.callTimeoutMs !== undefined ? { callTimeoutMs: options.callTimeoutMs } : {}),
      }),
    );
    const b = browser;
    progress(`chromium pid ${b.pid ?? '?'}`);
    options.onBrowser?.(b);
    const env = await phase('launch', () => b.environment());
    const environment = browserEnvironment(env, await b.chromium.browser.version());
    const notes = [...plan.notes];
    if (!env.crossOriginIsolated) throw new PhaseError('launch', new Error('page is not crossOriginIsolated: the server must send COOP same-origin + COEP require-corp for wasm threads'));
    if (backend === 'web-webgpu') {
      if (!env.webgpu.ok) {
        throw new PhaseError('webgpu', new Error(`WebGPU is not available in this headless Chromium: ${env.webgpu.reason}; it needs --enable-unsafe-webgpu with a SwiftShader/Vulkan adapter (see @parakeet-bench/chromium WEBGPU_ARGS)`));
      }
      const f16 = env.webgpu.features.includes('shader-f16');
      notes.push(`webgpu adapter: ${env.webgpu.vendor}/${env.webgpu.architecture}, shader-f16 ${f16 ? 'yes' : 'no'}`);
      if (plan.float16Graphs.length > 0 && !f16) {
        return unsupportedResult(job, `web-webgpu: ${plan.float16Graphs.join(', ')} hold float16 weights but the WebGPU adapter (${env.webgpu.architecture}) lacks shader-f16`, startedAt, environment);
      }
    }
    await phase('audio', () => b.call('fetchAudio', clips.map((_, i) => `${PAGE_PATHS.audio}${i}.f32`)));
    const baseline = await phase('memory', () => resetBrowserPeaks(b.chromium.browser));
    progress(`loading ${plan.variant.id} on ${backend}`);
    const t0 = nowMs();
    if (options.hangOnLoad) await phase('load', () => b.call('hang', undefined));
    const request: PageLoadRequest = {
      backend: backend as PageLoadRequest['backend'],
      threads: job.config.threads,
      variant: plan.variant,
      modelBase: PAGE_PATHS.model,
      externalData: externalDataOf(plan.graphs),
    };
    const loaded = await phase('load', () => b.call('load', request));
    notes.push(...loaded.notes);
    const loadMs = nowMs() - t0;
    const runs: ClipTranscript[] = [];
    for (const [index] of clips.entries()) {
      runs.push(await phase('transcribe', () => b.call('transcribe', { index, decoder: job.config.decoder })));
      progress(`clip ${index + 1}/${clips.length}`);
    }
    const stats = await phase('transcribe', () => b.call('stats', undefined));
    const memory = await phase('memory', () => readBrowserPeaks(baseline, backend === 'web-webgpu'));
    const s = await phase('score', async () => scoreRun(job, data, runs, oracleTexts));
    return okResult(
      {
        job,
        startedAt,
        environment,
        variant: plan.variant,
        vocabSize: loaded.vocabSize,
        notes,
        loadMs,
        memory,
        decoder: stats,
        cache: { featureCache: 'off', encoderCache: 'off' },
      },
      s,
    );
  } finally {
    await browser?.close();
    await server.close();
  }
}
