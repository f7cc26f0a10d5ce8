import { describe, expect, it } from 'vitest';
import { parseNemoManifest } from './manifest.ts';

describe('parseNemoManifest', () => {
  it('reads NeMo lines with optional duration and offset', () => {
    const m = parseNemoManifest('{"audio_filepath":"a.wav","text":"bonjour","duration":1.5}\n\n{"audio_filepath":"b.wav","text":"","offset":2}\n', 'm.jsonl');
    expect(m).toEqual([
      { audioFilepath: 'a.wav', text: 'bonjour', durationSec: 1.5, line: 1 },
      { audioFilepath: 'b.wav', text: '', offsetSec: 2, line: 3 },
    ]);
  });
  it('names the line of malformed entries', () => {
    expect(() => parseNemoManifest('{"audio_filepath":"a.wav","text":"x"}\nnot json', 'm.jsonl')).toThrow(/m.jsonl:2: not a JSON object/);
    expect(() => parseNemoManifest('{"text":"x"}', 'm.jsonl')).toThrow(/m.jsonl:1: missing "audio_filepath"/);
    expect(() => parseNemoManifest('{"audio_filepath":"a.wav"}', 'm.jsonl')).toThrow(/missing "text" for a.wav/);
    expect(() => parseNemoManifest('{"audio_filepath":"a","text":"x","duration":-1}', 'm')).toThrow(/"duration" must be a non-negative/);
    expect(() => parseNemoManifest('\n', 'm.jsonl')).toThrow(/no entries/);
  });
});
