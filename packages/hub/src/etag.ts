/**
 * What an HF ETag tells us about integrity. huggingface_hub's `hf_hub_url` docstring: "An object's
 * ETag is: its git-sha1 if stored in git, or its sha256 if stored in git-lfs". So only a 64-hex
 * etag is a content hash we can check; a 40-hex one is a git blob id (sha1 of "blob <n>\0" + bytes),
 * anything else is opaque.
 */

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Strips the weak prefix and quotes, as file_download.py `_normalize_etag` does. */
export function normalizeEtag(etag: string | undefined | null): string | undefined {
  if (!etag) return undefined;
  const bare = etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  return bare.length > 0 ? bare : undefined;
}

/** The sha256 (lowercase hex) named by `etag`, or undefined when the etag is not a sha256. */
export function sha256FromEtag(etag: string | undefined | null): string | undefined {
  const bare = normalizeEtag(etag)?.toLowerCase();
  return bare !== undefined && SHA256_HEX.test(bare) ? bare : undefined;
}

/** True when `value` is a 64-hex sha256 (any case). */
export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value.toLowerCase());
}
