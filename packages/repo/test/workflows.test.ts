/**
 * GitHub Actions cannot run here, so the committed workflows are checked statically: each is valid
 * against GitHub's own workflow schema (@actions/workflow-parser, the parser GitHub's Actions language
 * service uses: a misspelt key, a bad `permissions` value or a broken expression fails here), every
 * step script and `bench <command>` they reach exists, jobs that run the bench install Chromium and
 * ffmpeg, the nightly's shard matrix matches its shard count, and the deploy and comment steps have
 * the permissions they need. (Moved here from packages/gate/test/repo-files.test.ts, which keeps the
 * checks of the gate rules files.)
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './repo-root.ts';
import { benchCalls, benchCommandsOf, ciDir, ciScript, ciScriptCalls, jobsInOrder, runScripts, workflow, workflows } from './workflow-files.ts';

const commandDir = join(repoRoot, 'packages', 'cli', 'src', 'commands');
/** The subcommands the workflows may call (agreed command set of the `bench` CLI). */
const knownCommands = ['run', 'report', 'dashboard', 'gate', 'baseline', 'merge', 'model', 'data', 'history'];

/** GitHub's schema errors of a workflow text (empty when valid). */
function schemaErrors(name: string, content: string): string[] {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

/** Every bench subcommand a workflow reaches: inline calls and those inside the step scripts it runs. */
function reachedCommands(file: string): { command: string; where: string }[] {
  return runScripts(workflow(file)).flatMap((s) => [
    ...benchCalls(s.run).map((c) => ({ command: c.command, where: `${s.job} / ${s.step}` })),
    ...ciScriptCalls(s.run).flatMap((c) => benchCommandsOf(c.script).map((command) => ({ command, where: `${s.job} / ${s.step} (scripts/ci/${c.script})` }))),
  ]);
}

describe('workflow schema validation', () => {
  it('catches a misspelt key, a bad permission and a step with two bodies (the validator works)', () => {
    const ok = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      pull-requests: write\n    steps:\n      - run: echo hi\n';
    expect(schemaErrors('ok.yml', ok)).toEqual([]);
    expect(schemaErrors('typo.yml', ok.replace('runs-on', 'runs_on')).join('\n')).toMatch(/Unexpected value 'runs_on'/);
    expect(schemaErrors('perm.yml', ok.replace('pull-requests: write', 'pull-request: write')).join('\n')).toMatch(/Unexpected value 'pull-request'/);
    expect(schemaErrors('value.yml', ok.replace('pull-requests: write', 'pull-requests: wirte')).join('\n')).toMatch(/Unexpected value 'wirte'/);
    expect(schemaErrors('steps.yml', ok.replace('- run: echo hi', '- run: echo hi\n        uses: actions/checkout@v4')).length).toBeGreaterThan(0);
  });

  for (const { file, text } of workflows) {
    it(`${file} is valid against the GitHub Actions workflow schema`, () => {
      expect(schemaErrors(file, text), `${file}: fix these keys or values (GitHub would refuse the workflow)`).toEqual([]);
    });
  }
});

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

      it('calls only step scripts that exist and bench commands that exist as packages/cli/src/commands/<name>.ts', () => {
        const scripts = runScripts(doc).flatMap((s) => ciScriptCalls(s.run).map((c) => ({ ...c, where: `${s.job} / ${s.step}` })));
        for (const c of scripts) expect(existsSync(join(ciDir, c.script)), `${file} (${c.where}): scripts/ci/${c.script} does not exist`).toBe(true);
        const calls = reachedCommands(file);
        expect(calls.length).toBeGreaterThan(0);
        for (const c of calls) {
          expect(knownCommands, `${file} (${c.where}): unknown bench command "${c.command}"`).toContain(c.command);
          expect(existsSync(join(commandDir, `${c.command}.ts`)), `${file} (${c.where}): packages/cli/src/commands/${c.command}.ts does not exist`).toBe(true);
        }
      });

      it('apt-installs chromium and ffmpeg in every job that runs the bench', () => {
        for (const [name, job] of Object.entries(doc.jobs ?? {})) {
          const scripts = (job.steps ?? []).map((s) => s.run ?? '').join('\n');
          const commands = [...benchCalls(scripts).map((c) => c.command), ...ciScriptCalls(scripts).flatMap((c) => benchCommandsOf(c.script))];
          if (!commands.some((c) => ['run', 'report', 'dashboard'].includes(c))) continue;
          expect(scripts, `${file}: job ${name} runs the bench without apt-get install chromium ffmpeg`).toMatch(/apt-get install[^\n]*\bchromium\b[^\n]*\bffmpeg\b/);
        }
      });
    });
  }

  it('every step script is executable and starts with a bash shebang and strict mode (sourced helpers aside)', async () => {
    const { statSync, readFileSync } = await import('node:fs');
    for (const f of readdirSync(ciDir).filter((n) => n.endsWith('.sh'))) {
      const text = readFileSync(join(ciDir, f), 'utf8');
      if (!text.startsWith('#!')) continue; // env.sh, git-auth.sh: sourced
      expect(statSync(join(ciDir, f)).mode & 0o111, `scripts/ci/${f} is not executable (git update-index --chmod=+x)`).not.toBe(0);
      expect(text, f).toMatch(/^#!\/usr\/bin\/env bash\n[\s\S]*set -euo pipefail/);
    }
  });

  it('nightly shards match the matrix: scripts/ci/shard.sh ${{ matrix.shard }} N with shard = 1..N', () => {
    const nightly = workflow('nightly.yml');
    const shardJobs = Object.values(nightly.jobs ?? {}).filter((j) => (j.steps ?? []).some((s) => s.run?.includes('shard.sh')));
    expect(shardJobs).toHaveLength(1);
    const job = shardJobs[0]!;
    const run = job.steps!.find((s) => s.run?.includes('shard.sh'))!.run!;
    const n = Number(/scripts\/ci\/shard\.sh \$\{\{ matrix\.shard \}\} (\d+) /.exec(run)?.[1]);
    expect(n).toBeGreaterThan(1);
    expect(job.strategy?.matrix?.['shard']).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const scripts = runScripts(nightly).map((s) => s.run).join('\n');
    expect(scripts, 'nightly: no merge step').toMatch(/scripts\/ci\/merge\.sh/);
    expect(benchCommandsOf('merge.sh')).toEqual(['merge']);
    expect(nightly.env?.['BASELINE_DIR'], 'nightly: gate against results/baseline').toMatch(/^results\/baseline\//);
    expect(benchCommandsOf('gate.sh')).toContain('gate');
    expect(ciScriptCalls(scripts).map((c) => c.script)).toContain('gate.sh');
    expect(ciScript('gate.sh'), 'nightly: gate markdown into the job summary').toMatch(/GITHUB_STEP_SUMMARY/);
    const cache = Object.values(nightly.jobs ?? {}).flatMap((j) => j.steps ?? []).find((s) => s.uses?.startsWith('actions/cache@'));
    expect(String(cache?.with?.['key'])).toMatch(/hashFiles\('packages\/hub\/src\/registry\.ts'/);
  });

  it('nightly publishes the dashboard with the official Pages actions and their permissions, keeping the artifact', () => {
    const nightly = workflow('nightly.yml');
    const steps = jobsInOrder(nightly).flatMap(([name, j]) => (j.steps ?? []).map((s) => ({ job: name, j, s })));
    const upload = steps.find((x) => x.s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.s.with?.['path']).toBe('dashboards');
    const deploy = steps.find((x) => x.s.uses?.startsWith('actions/deploy-pages@'));
    expect(deploy, 'nightly: no actions/deploy-pages step').toBeTruthy();
    expect(deploy!.j.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect([deploy!.j.needs].flat()).toContain(upload!.job);
    expect(steps.some((x) => x.s.uses?.startsWith('actions/upload-artifact@') && x.s.with?.['name'] === 'dashboard' && x.s.with?.['path'] === 'dashboards')).toBe(true);
    // The history push needs write access to contents, and nothing else does.
    const push = steps.find((x) => x.s.run?.includes('history-push.sh'))!;
    expect(push.j.permissions).toEqual({ contents: 'write' });
    expect(nightly.permissions).toEqual({ contents: 'read' });
  });

  it('pr posts the gate as one comment through scripts/pr-comment.cjs, with pull-requests: write', () => {
    const pr = workflow('pr.yml');
    const job = Object.values(pr.jobs ?? {}).find((j) => (j.steps ?? []).some((s) => s.uses?.startsWith('actions/github-script@')))!;
    expect(job.permissions?.['pull-requests']).toBe('write');
    const step = job.steps!.find((s) => s.uses?.startsWith('actions/github-script@'))!;
    expect(String(step.with?.['script'])).toContain("require('./scripts/pr-comment.cjs')");
    expect(step.if).toContain("github.event_name == 'pull_request'");
    expect(runScripts(pr).some((s) => ciScriptCalls(s.run).some((c) => c.script === 'gate.sh'))).toBe(true);
  });
});
