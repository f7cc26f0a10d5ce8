/**
 * GitHub Actions cannot run here, so the committed workflow and rules files are checked statically:
 * the YAML parses, every `bench <command>` they call exists as a CLI command file, the shard matrix
 * matches the `--shard i/N` count, and every rules file they name is a valid gate.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultGateRules, loadGateRules } from '../src/rules.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const workflowDir = join(repo, '.github', 'workflows');
const commandDir = join(repo, 'packages', 'cli', 'src', 'commands');
/** The subcommands the workflows may call (agreed command set of the `bench` CLI). */
const knownCommands = ['run', 'report', 'dashboard', 'gate', 'baseline', 'merge', 'model', 'data'];

interface Step { name?: string; run?: string; uses?: string; with?: Record<string, unknown> }
interface Job { 'runs-on'?: string; steps?: Step[]; strategy?: { matrix?: Record<string, unknown[]> } }
interface Workflow { name?: string; on?: unknown; env?: Record<string, string>; jobs?: Record<string, Job> }

const workflows = readdirSync(workflowDir)
  .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
  .map((file) => ({ file, doc: parse(readFileSync(join(workflowDir, file), 'utf8'), { uniqueKeys: true, strict: true }) as Workflow }));

const runScripts = (wf: Workflow) =>
  Object.entries(wf.jobs ?? {}).flatMap(([job, j]) => (j.steps ?? []).filter((s) => s.run).map((s) => ({ job, step: s.name ?? '', run: s.run! })));

/** `bench <command>` calls in a script, with or without npx. */
function benchCalls(script: string): { command: string; args: string }[] {
  return [...script.matchAll(/(?:^|[\s;&|(])(?:npx\s+)?bench\s+([a-z][a-z-]*)([^\n]*)/g)].map((m) => ({ command: m[1]!, args: m[2] ?? '' }));
}

describe('GitHub workflows', () => {
  it('has the nightly and pr workflows', () => {
    expect(workflows.map((w) => w.file).sort()).toEqual(expect.arrayContaining(['nightly.yml', 'pr.yml']));
  });

  for (const { file, doc } of workflows) {
    describe(file, () => {
      it('parses as a workflow with triggers, jobs and steps that run or use something', () => {
        expect(doc.on, `${file}: no "on" triggers`).toBeTruthy();
        expect(Object.keys(doc.jobs ?? {}).length, `${file}: no jobs`).toBeGreaterThan(0);
        for (const [name, job] of Object.entries(doc.jobs ?? {})) {
          expect(job['runs-on'], `${file}: job ${name} has no runs-on`).toBeTruthy();
          for (const s of job.steps ?? []) expect(Boolean(s.run) !== Boolean(s.uses), `${file}: ${name} step "${s.name}" needs exactly one of run/uses`).toBe(true);
        }
      });

      it('opts out of turbo telemetry', () => {
        expect(doc.env?.['TURBO_TELEMETRY_DISABLED'], `${file}: set env TURBO_TELEMETRY_DISABLED: '1' at the top`).toBe('1');
      });

      it('calls only bench commands that exist as packages/cli/src/commands/<name>.ts', () => {
        const calls = runScripts(doc).flatMap((s) => benchCalls(s.run).map((c) => ({ ...c, where: `${s.job} / ${s.step}` })));
        expect(calls.length).toBeGreaterThan(0);
        for (const c of calls) {
          expect(knownCommands, `${file} (${c.where}): unknown bench command "${c.command}"`).toContain(c.command);
          expect(existsSync(join(commandDir, `${c.command}.ts`)), `${file} (${c.where}): packages/cli/src/commands/${c.command}.ts does not exist`).toBe(true);
        }
      });

      it('apt-installs chromium and ffmpeg in every job that runs the bench', () => {
        for (const [name, job] of Object.entries(doc.jobs ?? {})) {
          const scripts = (job.steps ?? []).map((s) => s.run ?? '').join('\n');
          if (!/\bbench (run|report|dashboard)\b/.test(scripts)) continue;
          expect(scripts, `${file}: job ${name} runs the bench without apt-get install chromium ffmpeg`).toMatch(/apt-get install[^\n]*\bchromium\b[^\n]*\bffmpeg\b/);
        }
      });

      it('gives every --rules file that exists and is a valid gate.json', async () => {
        for (const s of runScripts(doc)) {
          for (const c of benchCalls(s.run).filter((x) => x.command === 'gate')) {
            const rules = /--rules\s+(\S+)/.exec(c.args)?.[1] ?? 'gate.json';
            await expect(loadGateRules(join(repo, rules))).resolves.toBeTruthy();
          }
        }
      });
    });
  }

  it('nightly shards match the matrix: --shard ${{ matrix.shard }}/N with shard = 1..N', () => {
    const nightly = workflows.find((w) => w.file === 'nightly.yml')!.doc;
    const shardJobs = Object.values(nightly.jobs ?? {}).filter((j) => (j.steps ?? []).some((s) => s.run?.includes('--shard')));
    expect(shardJobs).toHaveLength(1);
    const job = shardJobs[0]!;
    const run = job.steps!.find((s) => s.run?.includes('--shard'))!.run!;
    const n = Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(run)?.[1]);
    expect(n).toBeGreaterThan(1);
    expect(job.strategy?.matrix?.['shard']).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const merge = runScripts(nightly).find((s) => /bench merge/.test(s.run));
    expect(merge, 'nightly: no bench merge step').toBeTruthy();
    const scripts = runScripts(nightly).map((s) => s.run).join('\n');
    expect(scripts, 'nightly: gate against results/baseline').toMatch(/bench gate .*--baseline results\/baseline/);
    expect(scripts, 'nightly: gate markdown into the job summary').toMatch(/GITHUB_STEP_SUMMARY/);
    const cache = Object.values(nightly.jobs ?? {}).flatMap((j) => j.steps ?? []).find((s) => s.uses?.startsWith('actions/cache@'));
    expect(String(cache?.with?.['key'])).toMatch(/hashFiles\('packages\/hub\/src\/registry\.ts'/);
  });
});

describe('gate.json at the repo root', () => {
  it('is valid and states exactly the documented defaults', async () => {
    expect(await loadGateRules(join(repo, 'gate.json'))).toEqual(defaultGateRules);
  });
});
