import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { isNormalizerId, normalizerIds } from '@parakeet-bench/core';
import { UsageError } from './command.ts';

/** node:util parseArgs with errors turned into usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ options: T; allowPositionals: boolean; args: string[]; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Splits a comma-separated option into its non-empty parts. */
export function csv(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Parses a comma-separated list of non-negative integers, naming the option on error. */
export function intList(value: string | undefined, option: string): number[] | undefined {
  const parts = csv(value);
  return parts?.map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${option}: "${p}" is not a non-negative integer`);
    return n;
  });
}

/** A comma-separated list of positive seconds (`60,120,240,390`); anything else is a usage error naming it. */
export function secondsList(value: string, option: string): number[] {
  return value.split(',').map((p) => {
    const n = Number(p.trim());
    if (p.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${option}: "${p}" is not a positive number of seconds`);
    return n;
  });
}

/** The value of `--normalizer`, checked against the registered ids (a usage error lists them). */
export function normalizerArg(value: string | undefined): string | undefined {
  if (value !== undefined && !isNormalizerId(value)) throw new UsageError(`--normalizer: unknown normalizer "${value}"; valid ids: ${normalizerIds.join(', ')}`);
  return value;
}

/**
 * The handler of the action named by the first positional (`bench model fetch`, `bench history
 * record`) and the positionals after it; a usage error names the valid ones.
 */
export function pickAction<H>(actions: Readonly<Record<string, H>>, positionals: readonly string[], what: string): [H, string[]] {
  const [name, ...rest] = positionals;
  const handler = name === undefined ? undefined : actions[name];
  const valid = Object.keys(actions).join(' or ');
  if (!handler) throw new UsageError(name === undefined ? `missing ${what}: ${valid}` : `unknown ${what} "${name}": use ${valid}`);
  return [handler, rest];
}
