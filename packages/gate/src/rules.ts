/**
 * The gate's rules: the committed `gate.json` at the repo root. Every field has a default so a rules
 * file only states what it changes, and a typo is an error (strict objects) rather than a silently
 * ignored limit.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** A finding's severity; `pass` lets a rules file switch a kind of finding off. */
export const verdictSchema = z.enum(['pass', 'warn', 'fail']);
/** Severity of one row of the report and of the whole gate. */
export type Verdict = z.infer<typeof verdictSchema>;

/** Two levels of one limit; `fail` must not be below `warn`. */
const levelPair = (warn: number, fail: number, min: number) =>
  z
    .strictObject({ warn: z.number().min(min).default(warn), fail: z.number().min(min).default(fail) })
    .refine((p) => p.fail >= p.warn, { message: 'fail must be >= warn' })
    .prefault({});

/**
 * The paired significance rule for corpus WER (current vs baseline over the same utterances; method
 * and assumptions in docs/statistics.md). Long passes and the exact transcript checks are unaffected.
 */
const pairedWerRulesSchema = z
  .strictObject({
    /**
     * `off`: the point limits decide (default). `require-significant`: a WER rise verdict needs a
     * significant paired rise: a significant rise of at least `minRisePoints` gets `significantRise`
     * even under the point limits; any other rise is capped at `insignificantRise`, even over them.
     */
    mode: z.enum(['off', 'require-significant']).default('off'),
    /** Verdict of a significant rise of at least `minRisePoints` (at least the point-limit verdict). */
    significantRise: verdictSchema.default('fail'),
    /** Highest verdict of a rise that is not significant (or smaller than `minRisePoints`). */
    insignificantRise: verdictSchema.default('warn'),
    /** Smallest rise, in percentage points, that `significantRise` applies to (0: any significant rise). */
    minRisePoints: z.number().min(0).default(0),
  })
  .prefault({});

const accuracyRulesSchema = z
  .strictObject({
    /** Corpus WER rise, in percentage points (results store fractions: 0.1017 = 10.17 %). */
    werPoints: levelPair(0.1, 0.5, 0),
    /** Corpus CER rise, in percentage points. */
    cerPoints: levelPair(0.1, 0.5, 0),
    /** Rise of one long-pass section's WER, in percentage points. */
    sectionWerPoints: levelPair(1, 3, 0),
    /** Rise of one long-pass section's CER, in percentage points. */
    sectionCerPoints: levelPair(1, 3, 0),
    /** Any changed hypothesis or edit count, even at equal WER (decoding on one backend is deterministic). */
    transcriptChange: verdictSchema.default('warn'),
    /** Utterances or sections present on one side only: the two WERs measure different things. */
    itemSetChange: verdictSchema.default('warn'),
    /** How many changed utterances a finding names before summarising the rest. */
    maxNamedItems: z.number().int().positive().default(5),
    /** Significance of a corpus WER rise (paired-wer-rule.ts); `off` keeps the point limits alone. */
    pairedWer: pairedWerRulesSchema,
    /**
     * Rise, in milliseconds, of the median word-start difference from the oracle over hit words (corpus:
     * against the reference config; long pass: all sections). Results without word times are not compared.
     */
    wordStartMedianMs: levelPair(40, 80, 0),
    /** Rise of the 95th-percentile word-start difference, in milliseconds. */
    wordStartP95Ms: levelPair(80, 160, 0),
    /** Rise of one long-pass section's 95th-percentile word-start difference, in milliseconds. */
    sectionWordStartP95Ms: levelPair(80, 160, 0),
  })
  .prefault({});

const ratioRulesSchema = (warn: number, fail: number, floor: number) =>
  z
    .strictObject({
      /** Regression ratio (>1 = worse) that warns / fails, when also beyond the noise band. */
      ratio: levelPair(warn, fail, 1),
      /** Smallest relative noise band, used when repeats are few or agree too well. */
      noiseFloor: z.number().min(0).default(floor),
    })
    .prefault({});

/** A floor; null leaves it off. */
const floor = () => z.number().min(-1).max(1).nullable().default(null);

/**
 * Encoder fidelity (docs/memory-and-fidelity.md): the cosine similarity of a config's encoder output
 * with the oracle variant's, taken at its worst long-pass section (or overall, on a corpus).
 */
const encoderFidelityRulesSchema = z
  .strictObject({
    /** Fall of a section's cosine below the baseline's (cosine units): deterministic on one backend, so small. */
    cosineDrop: levelPair(0.001, 0.01, 0),
    /** Absolute floor of the worst cosine, whatever the baseline (off by default: a sweep may hold a known-bad variant). */
    minCosine: z
      .strictObject({
        warn: floor(),
        fail: floor(),
        /** Only these variants (default: every variant with a fidelity block). */
        variants: z.array(z.string()).optional(),
      })
      .refine((m) => m.warn === null || m.fail === null || m.fail <= m.warn, { message: 'fail must be <= warn (a floor)' })
      .prefault({}),
  })
  .prefault({});

const findingRulesSchema = z
  .strictObject({
    /** In the baseline, absent from the current run (a shard died, or a config was dropped). */
    missingConfig: verdictSchema.default('fail'),
    /** In the current run, absent from the baseline. */
    newConfig: verdictSchema.default('warn'),
    /** Current status `failed`/`unsupported` while the baseline was `ok`. */
    failedStatus: verdictSchema.default('fail'),
    /** Non-ok in both baseline and current. */
    stillFailing: verdictSchema.default('warn'),
    /** Baseline non-ok, current ok: the baseline is stale. */
    recovered: verdictSchema.default('warn'),
    /** Some but not all repeats of a config failed, or repeats disagree on transcripts. */
    flakyRepeats: verdictSchema.default('warn'),
    /** Same config id, different config definition. */
    configChanged: verdictSchema.default('warn'),
    /** A metric the baseline has is missing from the current result. */
    missingMetric: verdictSchema.default('warn'),
  })
  .prefault({});

const environmentRulesSchema = z
  .strictObject({
    /** Environment fields compared between baseline and current. */
    compare: z
      .array(z.string())
      .default(['cpuModel', 'cores', 'platform', 'arch', 'node', 'runtime', 'runtimeVersion', 'browser']),
    /** Verdict of a changed environment. */
    changed: verdictSchema.default('warn'),
    /** Fields naming the machine: when one changes, timing and memory verdicts are capped. */
    hardware: z.array(z.string()).default(['cpuModel', 'cores']),
    /** Cap on timing/memory verdicts across different hardware (ratios are not comparable). */
    capOnHardwareChange: verdictSchema.default('warn'),
  })
  .prefault({});

/** Schema of `gate.json`. */
export const gateRulesSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1).default(1),
  accuracy: accuracyRulesSchema,
  rtfx: ratioRulesSchema(1.2, 1.5, 0.1),
  peakRss: ratioRulesSchema(1.1, 1.25, 0.05),
  encoderFidelity: encoderFidelityRulesSchema,
  findings: findingRulesSchema,
  environment: environmentRulesSchema,
});
/** Parsed gate rules with every default applied. */
export type GateRules = z.infer<typeof gateRulesSchema>;
/** A rules file as written (all fields optional). */
export type GateRulesInput = z.input<typeof gateRulesSchema>;

/** Rules when a test or caller states none: exactly the defaults documented in the README. */
export const defaultGateRules: GateRules = gateRulesSchema.parse({});

/** Parses a rules text; `source` names the file in errors. */
export function parseGateRules(text: string, source: string): GateRules {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not valid JSON (${(e as Error).message}); fix the syntax of the gate rules file`);
  }
  const parsed = gateRulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${source}: invalid gate rules: ${z.prettifyError(parsed.error)}\n(see packages/gate/README.md for every field)`,
    );
  }
  return parsed.data;
}

/** Reads and validates a rules file. */
export async function loadGateRules(file: string): Promise<GateRules> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read gate rules (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); pass --rules <file> or create gate.json at the repo root`);
  }
  return parseGateRules(text, file);
}
