import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closestName, describeInputIssues, editDistance, schemaKeys } from './input-errors.ts';

const schema = z.strictObject({
  timeoutSec: z.number(),
  variants: z.array(z.strictObject({ id: z.string(), preprocessorFile: z.string().optional() })),
  datasets: z.array(z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('long'), maxEncoderFrames: z.number().default(5000) })])),
});

describe('input errors', () => {
  it('measures edit distance and picks the closest known name, or none when nothing is close', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closestName('timeoutSecs', ['timeoutSec', 'repeats'])).toBe('timeoutSec');
    expect(closestName('preprocesorFile', ['preprocessorFile', 'encoderFile'])).toBe('preprocessorFile');
    expect(closestName('xyz', ['timeoutSec'])).toBeUndefined();
  });

  it('collects keys from nested objects, arrays and unions', () => {
    expect([...schemaKeys(schema)].sort()).toEqual(['datasets', 'id', 'kind', 'maxEncoderFrames', 'preprocessorFile', 'timeoutSec', 'variants']);
  });

  it('names an unknown field with its path and the field it probably meant', () => {
    const r = schema.safeParse({ timeoutSecs: 5, variants: [{ id: 'a', preprocesorFile: 'x' }], datasets: [{ kind: 'long', maxEncoderFrame: 1 }] });
    if (r.success) throw new Error('should fail');
    const text = describeInputIssues(r.error, schema);
    expect(text).toContain('(top level): unknown field "timeoutSecs" (did you mean "timeoutSec"?)');
    expect(text).toContain('variants[0]: unknown field "preprocesorFile" (did you mean "preprocessorFile"?)');
    expect(text).toContain('datasets[0]: unknown field "maxEncoderFrame" (did you mean "maxEncoderFrames"?)');
    expect(text).toMatch(/timeoutSec: Invalid input: expected number/);
  });
});
