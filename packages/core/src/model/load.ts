import type { InferenceSession, ModelSource } from '../session.ts';
import { DecoderJoint } from '../decode/decoder-joint.ts';
import { parseVocab } from '../text/vocab.ts';
import type { Vocab } from '../text/vocab.ts';
import type { ModelConfig } from './config.ts';
import { modelFilePath, sessionLoadError } from './load-errors.ts';
import { parseModelConfig } from './config.ts';
import type { ModelVariant } from './variant.ts';
import { preprocessorFileOf } from './variant.ts';

/** A loaded model variant: the three graphs plus config and vocabulary. */
export interface ParakeetModel {
  readonly variant: ModelVariant;
  readonly config: ModelConfig;
  readonly vocab: Vocab;
  readonly preprocessor: InferenceSession;
  readonly encoder: InferenceSession;
  readonly joint: DecoderJoint;
  release(): Promise<void>;
}

async function requireFile(source: ModelSource, file: string, what: string): Promise<void> {
  if (!(await source.exists(file))) {
    throw new Error(
      `${modelFilePath(source.location, file)}: ${what} not found; fetch the variant (bench model fetch) or point the variant at a directory that has it`,
    );
  }
}

async function openSession(source: ModelSource, file: string): Promise<InferenceSession> {
  try {
    return await source.createSession(file);
  } catch (e) {
    throw sessionLoadError(modelFilePath(source.location, file), e);
  }
}

/**
 * Loads config.json, vocab.txt and the variant's three graphs, checking that vocab.txt and the joint
 * network agree before anything is decoded.
 */
export async function loadParakeet(source: ModelSource, variant: ModelVariant): Promise<ParakeetModel> {
  const preprocessorFile = preprocessorFileOf(variant);
  for (const [file, what] of [
    ['config.json', 'model config'],
    ['vocab.txt', 'vocabulary'],
    [preprocessorFile, 'preprocessor graph'],
    [variant.encoderFile, 'encoder graph'],
    [variant.decoderFile, 'decoder_joint graph'],
  ] as const) {
    await requireFile(source, file, what);
  }
  const config = parseModelConfig(await source.readText('config.json'), modelFilePath(source.location, 'config.json'));
  const vocab = parseVocab(await source.readText('vocab.txt'), modelFilePath(source.location, 'vocab.txt'));
  const opened: InferenceSession[] = [];
  try {
    const preprocessor = await openSession(source, preprocessorFile);
    opened.push(preprocessor);
    const encoder = await openSession(source, variant.encoderFile);
    opened.push(encoder);
    const decoderSession = await openSession(source, variant.decoderFile);
    opened.push(decoderSession);
    const joint = new DecoderJoint(decoderSession, vocab.size, modelFilePath(source.location, variant.decoderFile));
    return {
      variant,
      config,
      vocab,
      preprocessor,
      encoder,
      joint,
      release: async () => {
        for (const s of opened) await s.release();
      },
    };
  } catch (e) {
    for (const s of opened) await s.release().catch(() => undefined);
    throw e;
  }
}
