import { describe, expect, it } from 'vitest';
import { DEFAULT_HF_ENDPOINT, hubConfigFromEnv } from './hub-config.ts';
import { repoInfoUrl, resolveUrl } from './hub-urls.ts';

describe('hubConfigFromEnv', () => {
  it('defaults to huggingface.co without a token', () => {
    expect(hubConfigFromEnv({})).toEqual({ endpoint: DEFAULT_HF_ENDPOINT });
  });

  it('reads HF_ENDPOINT (trailing slashes stripped) and HF_TOKEN', () => {
    expect(hubConfigFromEnv({ HF_ENDPOINT: 'http://127.0.0.1:9/mirror//', HF_TOKEN: ' hf_x ' })).toEqual({ endpoint: 'http://127.0.0.1:9/mirror', token: 'hf_x' });
  });

  it('rejects endpoints that are not http(s) URLs with a message naming HF_ENDPOINT', () => {
    expect(() => hubConfigFromEnv({ HF_ENDPOINT: 'huggingface.co' })).toThrow(/HF_ENDPOINT="huggingface.co" is not a URL/);
    expect(() => hubConfigFromEnv({ HF_ENDPOINT: 'ftp://x' })).toThrow(/must be an http\(s\) URL/);
  });
});

describe('hub URLs', () => {
  const config = { endpoint: 'https://hf.example' };

  it('builds model and dataset API and resolve URLs like huggingface_hub', () => {
    expect(repoInfoUrl(config, 'model', 'o/r', 'refs/pr/1')).toBe('https://hf.example/api/models/o/r/revision/refs%2Fpr%2F1?blobs=true');
    expect(repoInfoUrl(config, 'dataset', 'o/d', 'main')).toBe('https://hf.example/api/datasets/o/d/revision/main?blobs=true');
    expect(resolveUrl(config, 'model', 'o/r', 'main', 'sharded/a b.onnx')).toBe('https://hf.example/o/r/resolve/main/sharded/a%20b.onnx');
    expect(resolveUrl(config, 'dataset', 'o/d', 'v1', 'x.tsv')).toBe('https://hf.example/datasets/o/d/resolve/v1/x.tsv');
  });

  it('refuses malformed repo ids', () => {
    for (const bad of ['a/b/c', '../x', 'a--b/c', 'a/b c', '']) {
      expect(() => resolveUrl(config, 'model', bad, 'main', 'f')).toThrow(/is not a hub repo id/);
    }
  });
});
