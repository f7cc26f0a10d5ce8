/**
 * The user registry file (`--registry my.json`): extra model sources and variants, or overrides of
 * built-in ones by id. Validated with zod so a typo is reported with its JSON path and file name.
 *
 * ```json
 * { "sources":  { "smoothquant": { "repo": "owner/parakeet-smoothquant", "revision": "main" } },
 *   "variants": [ { "id": "mine", "localDir": "./models/mine",
 *                   "encoderFile": "encoder-model.int8.onnx", "decoderFile": "decoder_joint-model.int8.onnx" } ] }
 * ```
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { describeInputIssues } from '@parakeet-bench/core';
import { unsafeRelativePath } from '@parakeet-bench/node-io';

const repoFile = z.string().superRefine((p, ctx) => {
  const reason = unsafeRelativePath(p);
  if (reason) ctx.addIssue({ code: 'custom', message: `unsafe repo path ${JSON.stringify(p)}: ${reason}` });
});
const repoId = z.string().regex(/^(?:[\w.-]+\/)?[\w.-]{1,96}$/, 'expected a hub repo id "owner/name"');
const location = {
  repo: repoId.optional(),
  localDir: z.string().min(1).optional(),
  repoType: z.enum(['model', 'dataset']).optional(),
  revision: z.string().min(1).optional(),
};
const oneLocation = (v: { repo?: string | undefined; localDir?: string | undefined }) => !(v.repo && v.localDir);
const bothMessage = { message: 'give either "repo" or "localDir", not both' };

/** A named model location shared by several variants. */
export const sourceSpecSchema = z.strictObject({ ...location, note: z.string().optional() }).refine(oneLocation, bothMessage);
/** A model location; neither repo nor localDir means "must be configured by the user". */
export type SourceSpec = z.infer<typeof sourceSpecSchema>;

/** One variant entry; fields left out are inherited from a built-in entry of the same id. */
export const variantSpecSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][\w.-]*$/, "ids use letters, digits, '_', '-', '.' ('+' composes variants)"),
    description: z.string().optional(),
    source: z.string().optional(),
    ...location,
    encoderFile: repoFile.optional(),
    encoderDataFiles: z.array(repoFile).optional(),
    decoderFile: repoFile.optional(),
    decoderDataFiles: z.array(repoFile).optional(),
  })
  .refine(oneLocation, bothMessage)
  .refine((v) => !(v.source && (v.repo || v.localDir)), { message: 'give "source" or an inline "repo"/"localDir", not both' });
/** One (possibly partial) variant entry. */
export type VariantSpec = z.infer<typeof variantSpecSchema>;

/** The whole registry file. */
export const registryFileSchema = z.strictObject({
  $schema: z.string().optional(),
  sources: z.record(z.string(), sourceSpecSchema).optional(),
  variants: z.array(variantSpecSchema).optional(),
});
/** Parsed registry file. */
export type RegistryFile = z.infer<typeof registryFileSchema>;

/**
 * Validates registry JSON text. `file` is only used in messages and to resolve relative
 * `localDir`s against the file's own directory (so a registry can sit beside its models).
 */
export function parseRegistryFile(text: string, file: string): RegistryFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`registry file ${file} is not valid JSON (${(e as Error).message}); fix the syntax or pass another --registry`);
  }
  const parsed = registryFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = describeInputIssues(parsed.error, registryFileSchema);
    throw new Error(`registry file ${file} is invalid:\n${issues}\nExpected {"sources"?: {name: {repo|localDir, revision?}}, "variants"?: [{id, repo|localDir|source, encoderFile, decoderFile, ...}]}`);
  }
  const base = dirname(resolve(file));
  const absolutize = <T extends { localDir?: string | undefined }>(v: T): T => (v.localDir ? { ...v, localDir: resolve(base, v.localDir) } : v);
  const data = parsed.data;
  return {
    ...data,
    ...(data.sources ? { sources: Object.fromEntries(Object.entries(data.sources).map(([k, v]) => [k, absolutize(v)])) } : {}),
    ...(data.variants ? { variants: data.variants.map(absolutize) } : {}),
  };
}

/** Reads and validates a registry file; errors name the file and what to fix. */
export async function loadRegistryFile(file: string): Promise<RegistryFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read registry file ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the --registry path`);
  }
  return parseRegistryFile(text, file);
}
