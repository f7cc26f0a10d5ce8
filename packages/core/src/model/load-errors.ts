/**
 * Errors of model loading that say which file failed and why: a fetch that failed, a file over a
 * size wall, a graph that does not parse, external data that does not match. "Corrupt or truncated"
 * is said only when the runtime's own message says the bytes did not parse.
 */

/**
 * A model file a {@link ModelSource} could not read, thrown by the source itself: `file` is the file
 * that failed (an external-data shard, not the graph that names it) and `reason` the cause with its fix.
 */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** `location/file` with exactly one separator: a URL prefix ends in `/`, a directory does not. */
export function modelFilePath(location: string, file: string): string {
  return `${location.replace(/\/+$/, '')}/${file.replace(/^\/+/, '')}`;
}

/** The error for a session that could not be created from `graphPath`: the failing file, the cause, the fix. */
export function sessionLoadError(graphPath: string, e: unknown): Error {
  if (e instanceof ModelFileError) return new Error(graphPath === e.file ? e.message : `${e.message} (external data of ${graphPath})`);
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  if (/protobuf pars/i.test(first)) {
    return new Error(`${graphPath}: cannot load ONNX graph (protobuf parse error: ${first}); the file is corrupt or truncated: fetch it again`);
  }
  if (/external (initializer|data)/i.test(first)) {
    return new Error(
      `${graphPath}: cannot load ONNX graph (${first}); an external-data file it names is missing, truncated or from another export: fetch the variant again`,
    );
  }
  return new Error(`${graphPath}: cannot load ONNX graph (${first})`);
}
