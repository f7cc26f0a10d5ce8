/**
 * The fp32 oracle's transcript of each long-pass section, each section transcribed alone as a short
 * clip, with its word times: the section references of the long-audio protocol (words and timestamp
 * agreement), cached as one JSON file per long dataset.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeJsonAtomic } from '@parakeet-bench/node-io';

/** The oracle file of one long dataset. */
export const oracleFileSchema = z.object({
  dataset: z.string(),
  audio: z.string(),
  variant: z.string(),
  audioSec: z.number(),
  sectionSec: z.number(),
  sections: z.array(
    z.object({
      index: z.number(),
      startSec: z.number(),
      endSec: z.number(),
      text: z.string(),
      /** Word times of `text` from the start of the recording (centiseconds); see core's WordTimes. */
      wordTimes: z.object({ startCs: z.array(z.number()), endCs: z.array(z.number()) }).optional(),
    }),
  ),
});
/** Oracle transcripts of one long dataset. */
export type OracleFile = z.infer<typeof oracleFileSchema>;

/** Reads a cached oracle file; null when absent. An unreadable file is an error naming the fix. */
export async function readOracle(path: string): Promise<OracleFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${path}: invalid oracle file (not JSON); delete it to recompute`);
  }
  const parsed = oracleFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path}: invalid oracle file; delete it to recompute`);
  return parsed.data;
}

/** Writes the oracle file atomically. */
export const writeOracle = (path: string, oracle: OracleFile): Promise<void> => writeJsonAtomic(path, oracle);
