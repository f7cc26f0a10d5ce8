import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample } from '../../test/sample.ts';
import { compactResult, writeCompactResult } from './compact-result.ts';

describe('writeCompactResult', () => {
  it('keeps an older night’s schema-1 result as it was written (readers migrate it), and refuses an invalid one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-compact-'));
    const v1 = { ...JSON.parse(JSON.stringify(sample('f'))), schemaVersion: 1, memory: { peakRssBytes: 2, baselineRssBytes: 1, modelRssBytes: 1, source: 's' } };
    await writeCompactResult(join(dir, 'old.json'), compactResult(v1, true));
    expect(JSON.parse(await readFile(join(dir, 'old.json'), 'utf8'))).toMatchObject({ schemaVersion: 1, memory: { baselineRssBytes: 1 } });
    await expect(writeCompactResult(join(dir, 'bad.json'), { ...v1, status: 'maybe' })).rejects.toThrow(/compact result for .*bad\.json is invalid, not written: .*bad\.json: invalid result/s);
  });
});
