import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fleursResult, longResult, writeResults } from '../test/sample-results.ts';
import { findUp, runGate } from './run-gate.ts';

describe('runGate', () => {
  it('finds gate.json upward, compares, and writes both reports', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gate-run-'));
    await writeFile(join(root, 'gate.json'), JSON.stringify({ peakRss: { ratio: { warn: 3, fail: 4 } } }));
    await writeResults(join(root, 'results', 'baseline'), [fleursResult(), longResult()]);
    await writeResults(join(root, 'results', 'latest'), [fleursResult({ peakRssBytes: 1e10 }), longResult()]);
    const cwd = join(root, 'packages', 'x');
    await mkdir(cwd, { recursive: true });
    const out = await runGate({ baseline: '../../results/baseline', current: '../../results/latest', json: 'out/gate.json', markdown: 'out/gate.md', cwd });
    // The rules file raised the RAM limits, so a 2x blow-up only passes if it was read.
    expect(out.report.verdict).toBe('pass');
    expect(out.rulesFile).toBe(join(root, 'gate.json'));
    const json = JSON.parse(await readFile(join(cwd, 'out', 'gate.json'), 'utf8'));
    expect(json).toMatchObject({ gateReportVersion: 1, verdict: 'pass', inputs: { rules: '../../gate.json' } });
    expect(await readFile(join(cwd, 'out', 'gate.md'), 'utf8')).toBe(out.markdown);
  });

  it('names the missing baseline with the command that creates it, and a missing gate.json', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gate-run-'));
    await writeFile(join(root, 'gate.json'), '{}');
    await writeResults(join(root, 'latest'), [fleursResult()]);
    await expect(runGate({ baseline: 'base', current: 'latest', cwd: root })).rejects.toThrow(
      /^baseline: .*base: no such results file or directory[\s\S]*bench baseline update --from <results dir> --to base/,
    );
    await expect(runGate({ baseline: 'latest', current: 'latest', rules: 'missing.json', cwd: root })).rejects.toThrow(/missing\.json: cannot read gate rules/);
  });

  it('findUp stops at the file system root', async () => {
    expect(await findUp('no-such-file-anywhere.json', tmpdir())).toBeUndefined();
  });
});
