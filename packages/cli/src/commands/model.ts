import { join } from 'node:path';
import type { Registry } from '@parakeet-bench/hub';
import {
  BUILTIN_REGISTRY,
  fetchVariant,
  hubConfigFromEnv,
  loadRegistryFile,
  mergeRegistry,
  resolveVariant,
} from '@parakeet-bench/hub';
import { parseCommandArgs, pickAction } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { hubProgress } from '../hub-progress.ts';
import { defaultCacheDir } from '@parakeet-bench/node-io';

const usage = `usage: bench model fetch <variant...> [--dir <root>] [--registry <file>] [--revision <rev>]
       bench model list [--registry <file>]

Downloads Parakeet TDT 0.6B v3 ONNX variants from the Hugging Face hub (HF_ENDPOINT, default
https://huggingface.co; HF_TOKEN for gated/private repos) into <root>/<owner__repo>/, fetching only
the files each variant needs. Interrupted downloads resume; LFS files are sha256-checked.

variants: a registry id (see \`bench model list\`) or <encoder-id>+<decoder-id>, e.g. fp32+int8.

options:
  --dir <root>        where models go (default: <cache>/models; cache = PARAKEET_BENCH_CACHE or .cache)
  --registry <file>   extra/overriding variants and sources (JSON); required for the SmoothQuant repo:
                      {"sources": {"smoothquant": {"repo": "<owner>/<name>"}}}
  --revision <rev>    branch, tag or commit for every hub variant (default: each entry's, else main)`;

const options = { dir: { type: 'string' }, registry: { type: 'string' }, revision: { type: 'string' } } as const;
type Values = { dir?: string | undefined; registry?: string | undefined; revision?: string | undefined };

async function registryFrom(values: Values): Promise<Registry> {
  return values.registry ? mergeRegistry(BUILTIN_REGISTRY, await loadRegistryFile(values.registry)) : BUILTIN_REGISTRY;
}

async function fetchCommand(specs: string[], values: Values): Promise<number> {
  if (specs.length === 0) throw new UsageError('model fetch: name at least one variant (see `bench model list`)');
  const registry = await registryFrom(values);
  // Resolve everything first so a typo fails before gigabytes are downloaded.
  const variants = specs.map((s) => resolveVariant(s, registry, values.revision ? { revision: values.revision } : {}));
  const root = values.dir ?? join(defaultCacheDir(), 'models');
  const config = hubConfigFromEnv();
  const progress = hubProgress();
  try {
    for (const variant of variants) {
      const got = await fetchVariant(variant, root, { config, ...progress.listeners });
      const where = got.commit ? `${variant.repo}@${got.commit.slice(0, 12)}` : variant.repo ?? variant.localDir;
      const fetched = got.files.filter((f) => f.status === 'downloaded').length;
      console.log(`${variant.id}: ${got.dir} (${where}; ${fetched} downloaded, ${got.files.length - fetched} already present)`);
      console.log(`  encoder ${got.encoderPath}\n  decoder ${got.decoderPath}`);
    }
  } finally {
    progress.finish();
  }
  return 0;
}

async function listCommand(args: string[], values: Values): Promise<number> {
  if (args.length > 0) throw new UsageError(`model list takes no variant names (got ${args.join(' ')})`);
  const registry = await registryFrom(values);
  for (const id of Object.keys(registry.variants)) {
    let where: string;
    let files = '';
    try {
      const v = resolveVariant(id, registry, values.revision ? { revision: values.revision } : {});
      where = v.localDir ?? `${v.repo}@${v.revision}`;
      files = `  ${v.encoderFile} + ${v.decoderFile}`;
    } catch (e) {
      where = `(not configured: ${(e as Error).message.split(':')[0]})`;
    }
    const description = registry.variants[id]?.description;
    console.log(`${id.padEnd(18)} ${where}${files}${description ? `\n${' '.repeat(19)}${description}` : ''}`);
  }
  return 0;
}

const subcommands: Record<string, (args: string[], values: Values) => Promise<number>> = {
  fetch: fetchCommand,
  list: listCommand,
};

/** `bench model`: list the variant registry and fetch real model variants from the hub. */
export const modelCommand: Command = {
  summary: 'list or download real Parakeet ONNX variants from the Hugging Face hub',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, options, true);
    const [handler, rest] = pickAction(subcommands, positionals, 'subcommand');
    return handler(rest, values);
  },
};
