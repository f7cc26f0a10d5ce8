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

  it('rejects missing or unknown flags as usage errors', async () => {
    await expect(gateCommand.run(['--current', 'x'])).rejects.toThrow(UsageError);
    await expect(gateCommand.run(['--baseline', 'x'])).rejects.toThrow('--current <dir> is required');
    await expect(gateCommand.run(['--baseline', 'x', '--current', 'y', '--bogus'])).rejects.toThrow(UsageError);
  });
});
