/** One line of a NeMo JSONL manifest. */
export interface ManifestEntry {
  readonly audioFilepath: string;
  readonly text: string;
  readonly durationSec?: number;
  readonly offsetSec?: number;
  /** 1-based line in the manifest, for error messages. */
  readonly line: number;
}

/**
 * Parses a NeMo manifest: one JSON object per line with audio_filepath and text (duration and offset
 * optional). Blank lines are skipped; anything else malformed is an error naming the line.
 */
export function parseNemoManifest(text: string, source: string): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(raw) as Record<string, unknown>;
    } catch (e) {
      throw new Error(`${source}:${line}: not a JSON object (${(e as Error).message})`);
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      throw new Error(`${source}:${line}: expected a JSON object per line`);
    }
    const audio = obj['audio_filepath'];
    if (typeof audio !== 'string' || audio === '') {
      throw new Error(`${source}:${line}: missing "audio_filepath" (NeMo manifests need audio_filepath and text)`);
    }
    const ref = obj['text'];
    if (typeof ref !== 'string') {
      throw new Error(`${source}:${line}: missing "text" for ${audio}`);
    }
    const num = (key: string): number | undefined => {
      const v = obj[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new Error(`${source}:${line}: "${key}" must be a non-negative number of seconds, got ${JSON.stringify(v)}`);
      }
      return v;
    };
    const durationSec = num('duration');
    const offsetSec = num('offset');
    entries.push({
      audioFilepath: audio,
      text: ref,
      line,
      ...(durationSec !== undefined ? { durationSec } : {}),
      ...(offsetSec !== undefined ? { offsetSec } : {}),
    });
  });
  if (entries.length === 0) throw new Error(`${source}: manifest has no entries`);
  return entries;
}
