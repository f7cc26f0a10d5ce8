import type { DecoderConfig } from '../schema.ts';
import { GreedyTdtDecoder } from './greedy.ts';
import { MaesTdtDecoder } from './maes.ts';
import type { TokenDecoder } from './types.ts';

/** Builds the decoder a config asks for; one entry per algorithm. */
export const decoders: {
  [K in DecoderConfig['kind']]: (config: Extract<DecoderConfig, { kind: K }>) => TokenDecoder;
} = {
  greedy: (c) => new GreedyTdtDecoder(c.maxTokensPerStep),
  maes: (c) => new MaesTdtDecoder(c),
};

/** Creates the decoder for `config`. */
export function createDecoder(config: DecoderConfig): TokenDecoder {
  const make = decoders[config.kind] as (c: DecoderConfig) => TokenDecoder;
  return make(config);
}
