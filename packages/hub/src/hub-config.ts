/**
 * Where the hub lives and how we authenticate. Mirrors huggingface_hub's constants.py:
 * `ENDPOINT = os.getenv("HF_ENDPOINT") or "https://huggingface.co"` (trailing slashes stripped) and the
 * `HF_TOKEN` bearer token that `build_hf_headers` sends as `authorization: Bearer <token>`.
 */

/** Public Hugging Face hub, used when HF_ENDPOINT is unset. */
export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';

/** Connection settings of one hub. */
export interface HubConfig {
  /** Base URL without trailing slash, e.g. `https://huggingface.co` or a mirror / local test server. */
  readonly endpoint: string;
  /** Bearer token for gated or private repos; undefined sends no Authorization header. */
  readonly token?: string;
}

/**
 * Reads HF_ENDPOINT and HF_TOKEN. Takes the environment as an argument so tests never mutate
 * `process.env` (several suites run in parallel workers).
 */
export function hubConfigFromEnv(env: Record<string, string | undefined> = process.env): HubConfig {
  const raw = env['HF_ENDPOINT']?.trim() || DEFAULT_HF_ENDPOINT;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`HF_ENDPOINT="${raw}" is not a URL: set it to e.g. ${DEFAULT_HF_ENDPOINT} or unset it`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`HF_ENDPOINT="${raw}" must be an http(s) URL: set it to e.g. ${DEFAULT_HF_ENDPOINT}`);
  }
  const endpoint = raw.replace(/\/+$/, '');
  const token = env['HF_TOKEN']?.trim();
  return token ? { endpoint, token } : { endpoint };
}
