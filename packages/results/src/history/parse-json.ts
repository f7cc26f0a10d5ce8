/** The history store's JSON files (night.json, gate reports, shard costs) are read one way. */
import { z } from 'zod';

/**
 * Parses `text` and validates it against `schema`. Errors name `source`, say what the file should
 * be (`what`, e.g. "a valid night file") and end with `fix`.
 */
export function parseJsonAs<S extends z.ZodType>(text: string, source: string, schema: S, what: string, fix: string): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not valid JSON (${(e as Error).message}); ${fix}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${source}: not ${what}: ${z.prettifyError(parsed.error)}; ${fix}`);
  return parsed.data;
}
