/**
 * `night.json`: what a history store knows about one night besides its result files: its run, when
 * it finished, the gate's verdict (overall and per config) and whether its per-utterance payloads were
 * trimmed. It has no `schemaVersion`, so result readers skip it as non-result JSON.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonAs } from './parse-json.ts';

/** File name of a night's metadata inside its directory. */
export const NIGHT_FILE = 'night.json';

const verdictSchema = z.enum(['pass', 'warn', 'fail']);
/** A gate verdict as stored in history. */
export type NightVerdict = z.infer<typeof verdictSchema>;

/** The gate's verdict of one night, as `bench gate --json` reported it. */
export const nightGateSchema = z.strictObject({
  verdict: verdictSchema,
  counts: z.strictObject({ pass: z.number().int().nonnegative(), warn: z.number().int().nonnegative(), fail: z.number().int().nonnegative() }),
  /** Worst verdict per config id. */
  configs: z.record(z.string(), verdictSchema),
  /** The baseline the night was gated against, as given to the gate. */
  baseline: z.string().optional(),
});
/** See {@link nightGateSchema}. */
export type NightGate = z.infer<typeof nightGateSchema>;

/** One night of the history store. */
export const nightSchema = z.strictObject({
  nightVersion: z.literal(1),
  runId: z.string().regex(/^[A-Za-z0-9._-]+$/),
  /** The results' run label (e.g. `nightly-<workflow run id>`). */
  label: z.string(),
  /** Newest finishedAt of the night's results (ISO 8601): the night's place in time. */
  finishedAt: z.string(),
  /** When the night was recorded into the store. */
  recordedAt: z.string(),
  /** The gate's verdict, or null when there was none (first night without a baseline, gate not run). */
  gate: nightGateSchema.nullable(),
  /** Why `gate` is null. */
  gateNote: z.string().optional(),
  /** Per-utterance texts and long-pass section texts were dropped (retention); aggregates are kept. */
  utterancesTrimmed: z.boolean(),
});
/** See {@link nightSchema}. */
export type Night = z.infer<typeof nightSchema>;

/** Parses a night.json text; errors name `source` and the field. */
export function parseNight(text: string, source: string): Night {
  return parseJsonAs(text, source, nightSchema, 'a valid night file', "delete this night's directory or restore it from the history branch");
}

/** The night.json of `dir`, or undefined when the directory has none. */
export async function readNightFile(dir: string): Promise<Night | undefined> {
  const path = join(dir, NIGHT_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${path}: unreadable (${(e as Error).message})`);
  }
  return parseNight(text, path);
}

/** The part of a `bench gate --json` report that history keeps. */
const gateReportSchema = z.object({
  gateReportVersion: z.literal(1),
  verdict: verdictSchema,
  counts: nightGateSchema.shape.counts,
  configs: z.array(z.object({ id: z.string(), verdict: verdictSchema })),
  inputs: z.object({ baseline: z.string() }).optional(),
});

/** Reads the gate's JSON report into a {@link NightGate}; throws naming the file when it is not one. */
export async function readGateReport(path: string): Promise<NightGate> {
  const r = parseJsonAs(await readFile(path, 'utf8'), path, gateReportSchema, 'a gate report (`bench gate --json` output)', 'pass the file `bench gate --json` wrote');
  return {
    verdict: r.verdict,
    counts: r.counts,
    configs: Object.fromEntries(r.configs.map((c) => [c.id, c.verdict])),
    ...(r.inputs ? { baseline: r.inputs.baseline } : {}),
  };
}
