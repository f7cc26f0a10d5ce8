import { describe, expect, it } from 'vitest';
import { encoderFramesFor, planSections, scoreSections, sliceSeconds, wordsBySection } from './sections.ts';

describe('section protocol', () => {
  it('splits 390 s into six 60 s sections and a 30 s tail', () => {
    const plans = planSections(390);
    expect(plans).toHaveLength(7);
    expect(plans[6]).toEqual({ index: 6, startSec: 360, endSec: 390 });
    expect(planSections(120)).toHaveLength(2);
    expect(() => planSections(10, 0)).toThrow(/section length/);
  });
  it('joins a trailing section shorter than 1 s to the one before it (240.00125 s: four sections, not five)', () => {
    const plans = planSections(240.00125);
    expect(plans).toHaveLength(4);
    expect(plans[3]).toEqual({ index: 3, startSec: 180, endSec: 240.00125 });
    expect(planSections(241)).toHaveLength(5);
  });
  it('refuses a recording shorter than one section, naming the fix', () => {
    expect(() => planSections(11, 60)).toThrow(/the recording is 11\.00 s, shorter than one 60 s section: .*a corpus dataset/);
    expect(planSections(60, 60)).toHaveLength(1);
  });
  it('assigns words by the time of their first token', () => {
    const plans = planSections(130);
    const words = [
      { text: 'a', startSec: 0 },
      { text: 'b', startSec: 59.96 },
      { text: 'c', startSec: 60 },
      { text: 'd', startSec: 125 },
    ];
    expect(wordsBySection(words, plans)).toEqual(['a b', 'c', 'd']);
  });
  it('slices seconds at 16 kHz', () => {
    expect(sliceSeconds(new Float32Array(48000), 1, 2).length).toBe(16000);
  });
  it('counts encoder frames like the real encoder (ceil of mel frames / 8)', () => {
    expect(encoderFramesFor(390, { subsamplingFactor: 8 })).toBe(4876);
    expect(encoderFramesFor(400.1, { subsamplingFactor: 8 })).toBeGreaterThan(5000);
  });
  it('scores each section against its oracle text', () => {
    const plans = planSections(120);
    const s = scoreSections(plans, ['one two', 'three four'], ['one two', 'three five'], 'x.wav');
    expect(s.map((x) => x.wer)).toEqual([0, 0.5]);
    expect(s[1]!.words).toMatchObject({ substitutions: 1, referenceLength: 2 });
    expect(() => scoreSections(plans, ['a'], ['a', 'b'], 'x')).toThrow(/section count mismatch/);
  });
});
