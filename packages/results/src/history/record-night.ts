/**
 * `bench history record`: adds one night (a merged nightly run and the gate's verdict on it) to the
 * history store, then applies the retention rules. Recording the same run id again replaces that
 * night (a re-run workflow), so a night is never counted twice.
 */
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonAtomic } from '@parakeet-bench/node-io';
import { resultFileName } from '../result-file.ts';
import { requireOneRun } from '../runs.ts';
import { readResultsStrict } from '../scan-results.ts';
import { compactResult, writeCompactResult } from './compact-result.ts';
import type { Night, NightGate } from './night-file.ts';
import { NIGHT_FILE, readGateReport } from './night-file.ts';
import type { RetentionOptions, RetentionSummary } from './retention.ts';
import { DEFAULT_RETENTION, applyRetention, checkRetention } from './retention.ts';
import { NIGHTS_DIR, ensureStore } from './store.ts';

/** Inputs of {@link recordNight}. */
export interface RecordNightOptions extends Partial<RetentionOptions> {
  /** The history store directory (created when missing or empty). */
  readonly store: string;
  /** The night's merged results (one run). */
  readonly current: string;
  /**
   * The gate's JSON report of this night. A missing file is recorded as "no verdict" with the reason
   * (the first night has no baseline to gate against); an invalid one is refused.
   */
  readonly gateReport?: string;
  /** Recording time (tests). */
  readonly now?: Date;
}

/** What {@link recordNight} did. */
export interface RecordNightSummary {
  readonly night: Night;
  readonly dir: string;
  readonly results: number;
  /** True when a night with this run id was already stored and was replaced. */
  readonly replaced: boolean;
  readonly retention: RetentionSummary;
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

async function gateOf(path: string | undefined): Promise<{ gate: NightGate | null; gateNote?: string }> {
  if (path === undefined) return { gate: null, gateNote: 'no gate report given' };
  if (!(await exists(path))) return { gate: null, gateNote: `${path} not found: the gate did not compare this night (no baseline yet, or unusable input)` };
  return { gate: await readGateReport(path) };
}

/** Records the night in `options.current` into the store; throws naming the file and fix on bad input. */
export async function recordNight(options: RecordNightOptions): Promise<RecordNightSummary> {
  const retention: RetentionOptions = {
    maxNights: options.maxNights ?? DEFAULT_RETENTION.maxNights,
    keepUtteranceNights: options.keepUtteranceNights ?? DEFAULT_RETENTION.keepUtteranceNights,
  };
  checkRetention(retention);
  const stored = await readResultsStrict(options.current);
  requireOneRun(stored, `--current ${options.current}`);
  const runId = stored[0]?.result.runId;
  if (!runId) {
    throw new Error(`${options.current}: its results carry no run id; record runs written with \`bench run --run-id <id>\` (the nightly passes nightly-<workflow run id>)`);
  }
  if (!/^[A-Za-z0-9._-]+$/.test(runId)) throw new Error(`${options.current}: run id "${runId}" is not a safe directory name (letters, digits, . _ -)`);
  const labels = new Set(stored.map((s) => s.result.runLabel).filter((l) => l !== undefined));
  const [label] = labels;
  const night: Night = {
    nightVersion: 1,
    runId,
    label: labels.size === 1 && label !== undefined ? label : runId,
    finishedAt: stored.map((s) => s.result.finishedAt).reduce((a, b) => (a > b ? a : b), ''),
    recordedAt: (options.now ?? new Date()).toISOString(),
    ...(await gateOf(options.gateReport)),
    utterancesTrimmed: false,
  };
  await ensureStore(options.store);
  const nights = join(options.store, NIGHTS_DIR);
  const dir = join(nights, runId);
  // Written beside the store's nights under a dot name (skipped by every reader), then swapped in.
  const partial = join(nights, `.${runId}.partial-${process.pid}`);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    for (const s of stored) await writeCompactResult(join(partial, resultFileName(s.result.config.id)), compactResult(s.raw, false));
    await writeJsonAtomic(join(partial, NIGHT_FILE), night);
    const replaced = await exists(dir);
    await rm(dir, { recursive: true, force: true });
    await rename(partial, dir);
    return { night, dir, results: stored.length, replaced, retention: await applyRetention(options.store, retention) };
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}
