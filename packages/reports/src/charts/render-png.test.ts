import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_CANDIDATES, registerReportFont } from './render-png.ts';

describe('registerReportFont', () => {
  it('registers the first font that exists', () => {
    expect(registerReportFont(['/no/such/font.ttf', ...FONT_CANDIDATES])).toBe('ReportSans');
  });

  it('returns undefined instead of throwing when no usable font exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'font-'));
    try {
      const junk = join(dir, 'junk.ttf');
      writeFileSync(junk, 'not a font');
      expect(registerReportFont(['/no/such/font.ttf', junk])).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
