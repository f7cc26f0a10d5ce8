import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fleursResult, longResult, writeResults } from '@parakeet-bench/gate/testing';
import { UsageError } from '../command.ts';
import { gateCommand } from './gate.ts';

describe('bench gate', () => {
  let out: string[];
  beforeEach(() => {
    out = [];
    const capture = (...a: unknown[]) => void out.push(a.join(' '));
    vi.spyOn(console, 'log').mockImplementation(capture);
    vi.spyOn(console, 'error').mockImplementation(capture);
  });
  afterEach(() => vi.restoreAllMocks());

  async function setup() {
    const root = await mkdtemp(join(tmpdir(), 'cli-gate-'));
    await writeFile(join(root, 'gate.json'), '{}');
    await writeResults(join(root, 'baseline'), [fleursResult(), longResult()]);
    return root;
  }

  it('exits 0 on an identical rerun and writes the JSON and markdown reports', async () => {
    const root = await setup();
    await writeResults(join(root, 'latest'), [fleursResult(), longResult()]);
    const argv = ['--baseline', join(root, 'baseline'), '--current', join(root, 'latest'), '--rules', join(root, 'gate.json'),
      '--json', join(root, 'gate-report.json'), '--markdown', join(root, 'gate.md')];
    expect(await gateCommand.run(argv)).toBe(0);
    expect(JSON.parse(await readFile(join(root, 'gate-report.json'), 'utf8')).verdict).toBe('pass');
    expect(await readFile(join(root, 'gate.md'), 'utf8')).toContain('## Regression gate: ✅ pass');
    expect(out.at(-1)).toMatch(/^bench gate: PASS \(\d+ pass, 0 warn, 0 fail\)$/);
  });

  it('exits 0 with warnings printed for a new config', async () => {
    const root = await setup();
    await writeResults(join(root, 'latest'), [fleursResult(), longResult(), fleursResult({ id: 'fleurs-fr__fp16__node-cpu-t4__greedy' })]);
    expect(await gateCommand.run(['--baseline', join(root, 'baseline'), '--current', join(root, 'latest'), '--rules', join(root, 'gate.json')])).toBe(0);
    expect(out.join('\n')).toContain('⚠️ warn `fleurs-fr__fp16__node-cpu-t4__greedy` config: not in the baseline');
    expect(out.at(-1)).toMatch(/^bench gate: WARN/);
  });

  it('exits 1 when a config got 3x slower', async () => {
    const root = await setup();
    await writeResults(join(root, 'latest'), [fleursResult({ rtfx: 14 }), longResult()]);
    expect(await gateCommand.run(['--baseline', join(root, 'baseline'), '--current', join(root, 'latest'), '--rules', join(root, 'gate.json')])).toBe(1);
    expect(out.join('\n')).toContain('3.00x slower');
  });

  it('refuses (exit 2) a --current that contains the baseline, which once let a 30-point WER regression pass', async () => {
    const root = await setup();
    // results/ holds the baseline AND a run whose WER is 30+ points worse.
    await writeResults(join(root, 'latest'), [fleursResult({ hypothesis: (r) => r.split(' ').slice(0, Math.ceil(r.split(' ').length * 0.6)).join(' ') }), longResult()]);
    const argv = ['--baseline', join(root, 'baseline'), '--current', root, '--rules', join(root, 'gate.json')];
    expect(await gateCommand.run(argv)).toBe(2);
    expect(out.join('\n')).toMatch(/--current .* contains the baseline .*: the two must be disjoint/);
    // Gated against its own directory, the regression fails.
    expect(await gateCommand.run(['--baseline', join(root, 'baseline'), '--current', join(root, 'latest'), '--rules', join(root, 'gate.json')])).toBe(1);
  });

  it('refuses (exit 2) a --current holding two runs, naming them and the fix', async () => {
    const root = await setup();
    await writeResults(join(root, 'latest'), [{ ...fleursResult(), runId: 'run-a' }, { ...longResult(), runId: 'run-b' }]);
    expect(await gateCommand.run(['--baseline', join(root, 'baseline'), '--current', join(root, 'latest'), '--rules', join(root, 'gate.json')])).toBe(2);
    expect(out.join('\n')).toMatch(/holds results of 2 runs \(run run-a: 1 result.*run run-b: 1 result.*complete the newest run/);
  });

  it('exits 2 without a baseline and says how to create one', async () => {
    const root = await setup();
    await writeResults(join(root, 'latest'), [fleursResult()]);
    expect(await gateCommand.run(['--baseline', join(root, 'none'), '--current', join(root, 'latest'), '--rules', join(root, 'gate.json')])).toBe(2);
    expect(out.join('\n')).toMatch(/baseline: .*none: no such results file or directory[\s\S]*bench baseline update --from <results dir> --to/);
  });

  it('rejects missing or unknown flags as usage errors', async () => {
    await expect(gateCommand.run(['--current', 'x'])).rejects.toThrow(UsageError);
    await expect(gateCommand.run(['--baseline', 'x'])).rejects.toThrow('--current <dir> is required');
    await expect(gateCommand.run(['--baseline', 'x', '--current', 'y', '--bogus'])).rejects.toThrow(UsageError);
  });
});
