/**
 * The nightly, end to end on this machine: scripts/nightly-dry-run.sh runs three fixture nights
 * through the very step scripts the workflow's jobs run, with the history branch in a local bare
 * repository. Checked here: the workflow and the dry run call the same steps in the same order (so
 * they cannot drift), and what the dry run produced: shards that partition the sweep, a merged
 * night per run, gate verdicts, a history branch of one commit holding three nights, and a dashboard
 * with trend charts over them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './repo-root.ts';
import { benchCalls, ciScriptCalls, jobsInOrder, shellWords, workflow } from './workflow-files.ts';

const dryRunScript = join(repoRoot, 'scripts', 'nightly-dry-run.sh');

/** Steps of the nightly workflow in job order: script and number of arguments. */
function workflowSteps(): string[] {
  return jobsInOrder(workflow('nightly.yml')).flatMap(([, j]) => (j.steps ?? []).flatMap((s) => ciScriptCalls(s.run ?? '')))
    .map((c) => `${c.script} (${shellWords(c.args).length} args)`);
}

/** Steps one night of the dry run takes (`step <script> <args>` inside its loop over nights). */
function dryRunSteps(): string[] {
  return [...readFileSync(dryRunScript, 'utf8').matchAll(/\bstep ([a-z][a-z0-9-]*\.sh)([^;|\n]*?)(?:;|\|\||\n)/g)]
    .map((m) => `${m[1]} (${shellWords(m[2]!.trim()).length} args)`);
}

describe('the nightly workflow and the dry run', () => {
  it('take the same steps in the same order, with the same number of arguments', () => {
    expect(dryRunSteps()).toEqual(workflowSteps());
    expect(workflowSteps()).toEqual([
      'history-pull.sh (1 args)', 'plan.sh (0 args)', 'shard.sh (3 args)', 'history-pull.sh (1 args)', 'merge.sh (0 args)',
      'gate.sh (0 args)', 'history-record.sh (0 args)', 'history-push.sh (1 args)', 'publish.sh (0 args)', 'verdict.sh (0 args)',
    ]);
  });

  it('leave nothing of the night to inline commands: the workflow calls bench itself only to download inputs', () => {
    const inline = jobsInOrder(workflow('nightly.yml')).flatMap(([, j]) => (j.steps ?? []).flatMap((s) => benchCalls(s.run ?? '')));
    // Real weights and FLEURS come from the hub; the dry run's fixture is generated, so it has no such step.
    expect(inline.map((c) => `${c.command}${c.args.split(' ').slice(0, 2).join(' ')}`)).toEqual(['model fetch', 'data fetch']);
  });
});

describe('scripts/nightly-dry-run.sh', () => {
  let work = '';
  let log = '';
  let exitCode: number | null = null;
  let seconds = 0;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'nightly-dry-run-'));
    const t0 = Date.now();
    const env = { ...process.env };
    for (const k of ['GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT', 'JFK_RECORDING_URL', 'PARAKEET_BENCH_CACHE']) delete env[k];
    exitCode = await new Promise<number | null>((resolve) => {
      const child = spawn('bash', [dryRunScript, join(work, 'w')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d: Buffer) => (log += d.toString()));
      child.stderr.on('data', (d: Buffer) => (log += d.toString()));
      child.on('close', resolve);
    });
    seconds = (Date.now() - t0) / 1000;
    await writeFile(join(work, 'dry-run.log'), log);
  }, 900_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const nightly = () => join(work, 'w', 'nightly');
  const nightOf = async (n: number) => JSON.parse(await readFile(join(nightly(), 'history-store', 'nights', `dry-run-${n}`, 'night.json'), 'utf8')) as {
    gate: { verdict: string; configs: Record<string, string> } | null; gateNote?: string;
  };

  it('runs three nights and says where the dashboard is', () => {
    expect(exitCode, `dry run failed after ${seconds.toFixed(0)} s:\n${log.slice(-4000)}`).toBe(0);
    expect(log).toMatch(new RegExp(`dry run: 3 nights; dashboard ${join(nightly(), 'site', 'index.html')}`));
    console.log(`nightly dry run: ${seconds.toFixed(0)} s`);
  });

  it('splits each night into shards that together run every config once, balanced on the history from night 2', () => {
    expect(log.match(/bench run: shard 1\/2: .*costs no measured timings yet/g)).toHaveLength(1);
    // From night 2 on the measured wall times decide: the groups split by cost, not by count.
    expect(log).toMatch(/bench run: shard 2\/2: \d of 4 groups, \d configs, expected .* costs measured for 8 of 8 configs \(night dry-run-1\)/);
    expect(log).toMatch(/bench run: shard 1\/2: \d of 6 groups, \d+ configs, expected .* costs measured for 8 of 12 configs \(night dry-run-2\)/);
    expect(log.match(/bench merge: 8 configs in/g)).toHaveLength(2);
    expect(log).toMatch(/bench merge: 12 configs in/);
  });

  it('gates every night but the first against the baseline accepted after night 1', async () => {
    const first = await nightOf(1);
    expect(first.gate).toBeNull();
    expect(first.gateNote).toMatch(/not found: the gate did not compare this night/);
    expect(log).toMatch(/## Regression gate: no baseline yet/);
    expect((await nightOf(2)).gate?.verdict).toMatch(/^(pass|warn|fail)$/);
    const third = await nightOf(3);
    // Night 3 adds int8-smoothquant: configs the baseline lacks warn.
    expect(third.gate?.configs['fixture-short__int8-smoothquant__node-cpu-t1__greedy']).toBe('warn');
    expect(third.gate?.verdict).toMatch(/^(warn|fail)$/);
    expect(existsSync(join(nightly(), 'baseline', 'fixture-short__fp32__node-cpu-t1__greedy.json'))).toBe(true);
  });

  it('keeps the history on its branch as one commit holding every night', () => {
    const git = (...args: string[]) => spawnSync('git', ['-C', join(work, 'w', 'history.git'), ...args], { encoding: 'utf8' }).stdout.trim();
    expect(git('rev-list', '--count', 'bench-history')).toBe('1');
    const files = git('ls-tree', '-r', '--name-only', 'bench-history').split('\n');
    expect(files).toContain('store.json');
    for (const n of [1, 2, 3]) expect(files).toContain(`nights/dry-run-${n}/night.json`);
    expect(files.filter((f) => f.startsWith('nights/dry-run-3/') && f.endsWith('.json'))).toHaveLength(13);
  });

  it('publishes reports and a dashboard with trend charts over the three nights', async () => {
    const html = await readFile(join(nightly(), 'site', 'index.html'), 'utf8');
    expect(html).toContain('Trends over 3 nights');
    expect(html).toMatch(/<select data-trend-select="fixture-short">/);
    expect(html).toMatch(/<select data-trend-select="fixture-long">/);
    expect(html).toMatch(/Run <b>dry-run-3<\/b>.* · gate <b class="verdict-(warn|fail)">/);
    expect(html).toContain('dashed line: the current baseline (dry-run-1)');
    expect(await readdir(join(nightly(), 'results', 'charts'))).toContain('summary.md');
  });
});
