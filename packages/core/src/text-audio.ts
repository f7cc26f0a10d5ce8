/** Public API of the text, scoring and audio-decoding modules (re-exported by index.ts). */
export * from './text/vocab.ts';
export * from './text/detokenize.ts';
export * from './text/normalize.ts';
export * from './metrics/align.ts';
export * from './metrics/wer.ts';
export * from './audio/wav-decode.ts';
export * from './audio/resample.ts';
