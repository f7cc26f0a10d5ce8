/**
 * A precision variant is (model directory, encoder file, decoder file): the stock and SmoothQuant int8
 * encoders share one file name in different directories, and encoder and decoder precision are
 * independent.
 */
export interface ModelVariant {
  /** Stable short id used in config ids and reports, e.g. `int8-stock`. */
  readonly id: string;
  readonly dir: string;
  readonly encoderFile: string;
  readonly decoderFile: string;
  readonly encoderPrecision: string;
  readonly decoderPrecision: string;
  /** Preprocessor graph; defaults to nemo128.onnx. */
  readonly preprocessorFile?: string;
}

/** The preprocessor graph every model directory of the istupakov layout ships. */
export const DEFAULT_PREPROCESSOR_FILE = 'nemo128.onnx';

/** The preprocessor graph a variant runs: its own `preprocessorFile`, else nemo128.onnx. */
export function preprocessorFileOf(variant: Pick<ModelVariant, 'preprocessorFile'>): string {
  return variant.preprocessorFile ?? DEFAULT_PREPROCESSOR_FILE;
}

/** The file names of the standard precisions in the istupakov layout. */
export const STANDARD_FILES: Readonly<Record<string, { encoder: string; decoder: string }>> = {
  fp32: { encoder: 'encoder-model.onnx', decoder: 'decoder_joint-model.onnx' },
  fp16: { encoder: 'encoder-model.fp16.onnx', decoder: 'decoder_joint-model.fp16.onnx' },
  int8: { encoder: 'encoder-model.int8.onnx', decoder: 'decoder_joint-model.int8.onnx' },
  'fp32-sharded': { encoder: 'sharded/encoder-model.onnx', decoder: 'decoder_joint-model.onnx' },
};
