import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultGateRules, loadGateRules, parseGateRules } from './rules.ts';

describe('gate rules', () => {
  it('fills every default from an empty file and keeps stated values', () => {
    const rules = parseGateRules(JSON.stringify({ rtfx: { ratio: { fail: 2 } } }), 'gate.json');
    expect(rules.rtfx.ratio).toEqual({ warn: defaultGateRules.rtfx.ratio.warn, fail: 2 });
    expect(rules.accuracy.werPoints).toEqual(defaultGateRules.accuracy.werPoints);
    expect(rules.findings.missingConfig).toBe('fail');
  });

  it('names the file and the fix for invalid JSON', () => {
    expect(() => parseGateRules('{ "rtfx": ', '/repo/gate.json')).toThrow(/^\/repo\/gate\.json: not valid JSON .*fix the syntax/);
  });

  it('refuses a misspelt field instead of ignoring the limit', () => {
    expect(() => parseGateRules(JSON.stringify({ accuracy: { werPoint: { warn: 1 } } }), 'gate.json')).toThrow(
      /gate\.json: invalid gate rules: .*werPoint[\s\S]*packages\/gate\/README\.md/,
    );
  });

  it('refuses a fail level below the warn level, and ratios below 1', () => {
    expect(() => parseGateRules(JSON.stringify({ accuracy: { werPoints: { warn: 1, fail: 0.5 } } }), 'gate.json')).toThrow(/fail must be >= warn/);
    expect(() => parseGateRules(JSON.stringify({ peakRss: { ratio: { warn: 0.9 } } }), 'gate.json')).toThrow(/gate\.json: invalid gate rules/);
  });

  it('refuses an unknown verdict', () => {
    expect(() => parseGateRules(JSON.stringify({ findings: { newConfig: 'error' } }), 'gate.json')).toThrow(/newConfig/);
  });

  it('loads a file and names a missing one with the fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gate-rules-'));
    await writeFile(join(dir, 'gate.json'), '{"version": 1}');
    expect((await loadGateRules(join(dir, 'gate.json'))).version).toBe(1);
    await expect(loadGateRules(join(dir, 'nope.json'))).rejects.toThrow(/nope\.json: cannot read gate rules \(ENOENT\); pass --rules/);
  });
});
