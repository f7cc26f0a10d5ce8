/**
 * The committed gate rules files: gate.json states exactly the documented defaults, and every rules
 * file a workflow or the nightly dry run gates with (GATE_RULES, or `bench gate --rules`) exists and
 * is a valid gate.json. The workflows themselves are checked in packages/repo/test/workflows.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultGateRules, loadGateRules } from '../src/rules.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const workflowDir = join(repo, '.github', 'workflows');

interface Env { env?: Record<string, string> }
interface Workflow extends Env { jobs?: Record<string, Env & { steps?: (Env & { run?: string })[] }> }

/** Every rules file named in the workflows (GATE_RULES at any level, `--rules` in a step) and in the dry run. */
function rulesFiles(): { file: string; where: string }[] {
  const out: { file: string; where: string }[] = [];
  for (const name of readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f))) {
    const wf = parse(readFileSync(join(workflowDir, name), 'utf8'), { uniqueKeys: true, strict: true }) as Workflow;
    const envs = [wf.env, ...Object.values(wf.jobs ?? {}).flatMap((j) => [j.env, ...(j.steps ?? []).map((s) => s.env)])];
    for (const env of envs) if (env?.['GATE_RULES']) out.push({ file: env['GATE_RULES'], where: name });
    for (const j of Object.values(wf.jobs ?? {})) {
      for (const s of j.steps ?? []) for (const m of (s.run ?? '').matchAll(/bench gate .*--rules\s+(\S+)/g)) out.push({ file: m[1]!, where: name });
    }
  }
  const dryRun = readFileSync(join(repo, 'scripts', 'nightly-dry-run.sh'), 'utf8');
  for (const m of dryRun.matchAll(/GATE_RULES="([^"]+)"/g)) out.push({ file: m[1]!, where: 'scripts/nightly-dry-run.sh' });
  return out;
}

describe('gate rules files', () => {
  it('every rules file the workflows and the dry run gate with exists and is a valid gate.json', async () => {
    const files = rulesFiles();
    expect(files.map((f) => f.file).sort()).toEqual(['.github/gate-pr.json', '.github/gate-pr.json', 'gate.json']);
    for (const { file, where } of files) await expect(loadGateRules(join(repo, file)), `${where}: ${file}`).resolves.toBeTruthy();
  });
});

describe('gate.json at the repo root', () => {
  it('is valid and states exactly the documented defaults', async () => {
    expect(await loadGateRules(join(repo, 'gate.json'))).toEqual(defaultGateRules);
  });
});
