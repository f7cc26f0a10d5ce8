import { describe, expect, it } from 'vitest';
import { BUILTIN_REGISTRY, ISTUPAKOV_REPO, mergeRegistry, resolveVariant } from './registry.ts';
import { parseRegistryFile } from './registry-schema.ts';

describe('built-in variants', () => {
  it('fp32 fetches the base files, the encoder with its external data and the fp32 decoder', () => {
    const v = resolveVariant('fp32');
    expect(v).toMatchObject({ repo: ISTUPAKOV_REPO, revision: 'main', repoType: 'model', encoderFile: 'encoder-model.onnx', decoderFile: 'decoder_joint-model.onnx' });
    expect(v.files).toEqual(['config.json', 'vocab.txt', 'nemo128.onnx', 'encoder-model.onnx', 'encoder-model.onnx.data', 'decoder_joint-model.onnx']);
  });

  it('int8 needs no external data', () => {
    expect(resolveVariant('int8').files).toEqual(['config.json', 'vocab.txt', 'nemo128.onnx', 'encoder-model.int8.onnx', 'decoder_joint-model.int8.onnx']);
  });

  it('composes encoder and decoder precision independently, in the encoder\'s model directory', () => {
    const v = resolveVariant('fp32+int8', BUILTIN_REGISTRY, { revision: 'abc123' });
    expect(v).toMatchObject({ id: 'fp32+int8', repo: ISTUPAKOV_REPO, revision: 'abc123', encoderFile: 'encoder-model.onnx', decoderFile: 'decoder_joint-model.int8.onnx' });
    expect(v.files).toContain('encoder-model.onnx.data');
    expect(v.files).not.toContain('decoder_joint-model.onnx');
  });

  it('explains that SmoothQuant-repo variants must be configured', () => {
    for (const id of ['smoothquant-int8', 'fp16', 'fp32-sharded', 'fp16+int8']) {
      expect(() => resolveVariant(id)).toThrow(/is not configured: hub id of the SmoothQuant int8 repo is unknown.*"sources": \{"smoothquant": \{"repo"/);
    }
  });

  it('rejects unknown and malformed names with the list of known variants', () => {
    expect(() => resolveVariant('int4')).toThrow(/unknown variant "int4" in "int4": known variants are fp32, int8, smoothquant-int8, fp16, fp32-sharded/);
    expect(() => resolveVariant('fp32+')).toThrow(/malformed/);
    expect(() => resolveVariant('a+b+c')).toThrow(/malformed/);
  });
});

describe('user registry files', () => {
  it('configures the SmoothQuant source for all variants that live there', () => {
    const file = parseRegistryFile(JSON.stringify({ sources: { smoothquant: { repo: 'someone/pk-sq', revision: 'v2' } } }), '/cfg/reg.json');
    const reg = mergeRegistry(BUILTIN_REGISTRY, file);
    expect(resolveVariant('smoothquant-int8', reg)).toMatchObject({ repo: 'someone/pk-sq', revision: 'v2', encoderFile: 'encoder-model.int8.onnx' });
    const sharded = resolveVariant('fp32-sharded', reg);
    expect(sharded.files).toEqual(expect.arrayContaining(['sharded/encoder-model.onnx', 'sharded/encoder-model.onnx.data.000', 'sharded/encoder-model.onnx.data.001']));
    expect(resolveVariant('fp16+int8', reg)).toMatchObject({ encoderFile: 'encoder-model.fp16.onnx', decoderFile: 'decoder_joint-model.int8.onnx' });
  });

  it('adds new variants, overrides built-ins field by field, and resolves localDir against the file', () => {
    const file = parseRegistryFile(JSON.stringify({
      variants: [
        { id: 'mine', localDir: 'models/mine', encoderFile: 'enc.onnx', decoderFile: 'dec.onnx' },
        { id: 'int8', repo: 'fork/parakeet', revision: 'deadbeef' },
      ],
    }), '/cfg/reg.json');
    const reg = mergeRegistry(BUILTIN_REGISTRY, file);
    expect(resolveVariant('mine', reg)).toMatchObject({ localDir: '/cfg/models/mine', encoderFile: 'enc.onnx' });
    expect(resolveVariant('int8', reg)).toMatchObject({ repo: 'fork/parakeet', revision: 'deadbeef', encoderFile: 'encoder-model.int8.onnx' });
  });

  it('reports a new variant without file names', () => {
    const reg = mergeRegistry(BUILTIN_REGISTRY, parseRegistryFile('{"variants":[{"id":"x","repo":"a/b"}]}', 'r.json'));
    expect(() => resolveVariant('x', reg)).toThrow(/variant "x" has no encoderFile/);
  });

  it.each([
    ['{', /registry file bad\.json is not valid JSON/],
    ['{"variants":[{"id":"a","repo":"o/r","localDir":"d","encoderFile":"e","decoderFile":"d"}]}', /variants\[0\]: give either "repo" or "localDir"/],
    ['{"variants":[{"id":"a","repo":"o/r","encoderFile":"../e.onnx","decoderFile":"d"}]}', /variants\[0\]\.encoderFile: unsafe repo path "\.\.\/e\.onnx"/],
    ['{"variants":[{"id":"a+b","repo":"o/r"}]}', /variants\[0\]\.id: .*'\+' composes/],
    ['{"variants":[{"id":"a","repo":"not a repo"}]}', /variants\[0\]\.repo: expected a hub repo id/],
    ['{"variant":[]}', /bad\.json is invalid:\n {2}\(top level\): unknown field "variant" \(did you mean "variants"\?\)/],
    ['{"variants":[{"id":"a","repo":"o/r","encoderFiles":"e.onnx"}]}', /variants\[0\]: unknown field "encoderFiles" \(did you mean "encoderFile"\?\)/],
    ['{"sources":{"s":{"repo":1}}}', /sources\.s\.repo/],
  ])('rejects %s with a message naming the file and the field', (text, message) => {
    expect(() => parseRegistryFile(text, 'bad.json')).toThrow(message);
  });

  it('reports a variant naming an undefined source', () => {
    const reg = mergeRegistry(BUILTIN_REGISTRY, parseRegistryFile('{"variants":[{"id":"x","source":"nowhere","encoderFile":"e","decoderFile":"d"}]}', 'r.json'));
    expect(() => resolveVariant('x', reg)).toThrow(/names source "nowhere", which no registry defines/);
  });
});
