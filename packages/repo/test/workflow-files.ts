/**
 * The committed GitHub workflows and the CI step scripts they call, read for the repository checks:
 * jobs in the order they run, each step's script call (`scripts/ci/<name>.sh <args>`) and the
 * `bench <command>` calls inside every script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './repo-root.ts';

/** One step of a job. */
export interface Step { name?: string; run?: string; uses?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }
/** One job. */
export interface Job { needs?: string | string[]; 'runs-on'?: string; steps?: Step[]; strategy?: { matrix?: Record<string, unknown[]> }; permissions?: Record<string, string>; env?: Record<string, string> }
/** A workflow file. */
export interface Workflow { name?: string; on?: unknown; env?: Record<string, string>; jobs?: Record<string, Job>; permissions?: Record<string, string> }

export const workflowDir = join(repoRoot, '.github', 'workflows');
export const ciDir = join(repoRoot, 'scripts', 'ci');

/** Every workflow file, parsed strictly (duplicate keys are errors). */
export const workflows: { file: string; text: string; doc: Workflow }[] = readdirSync(workflowDir)
  .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const text = readFileSync(join(workflowDir, file), 'utf8');
    return { file, text, doc: parse(text, { uniqueKeys: true, strict: true }) as Workflow };
  });

/** The parsed workflow `file`. */
export function workflow(file: string): Workflow {
  const w = workflows.find((x) => x.file === file);
  if (!w) throw new Error(`.github/workflows/${file} is missing`);
  return w.doc;
}

/** Jobs in an order that respects `needs` (ties in file order). */
export function jobsInOrder(wf: Workflow): [string, Job][] {
  const jobs = Object.entries(wf.jobs ?? {});
  const done = new Set<string>();
  const out: [string, Job][] = [];
  while (out.length < jobs.length) {
    const next = jobs.find(([name, j]) => !done.has(name) && [j.needs ?? []].flat().every((n) => done.has(n)));
    if (!next) throw new Error('jobs with circular needs');
    done.add(next[0]);
    out.push(next);
  }
  return out;
}

/** `run:` scripts of a workflow with their job and step names. */
export function runScripts(wf: Workflow): { job: string; step: string; run: string }[] {
  return jobsInOrder(wf).flatMap(([job, j]) => (j.steps ?? []).filter((s) => s.run).map((s) => ({ job, step: s.name ?? '', run: s.run! })));
}

/**
 * Calls of CI step scripts in a shell text (`scripts/ci/<name>.sh`, or `"$(dirname "$0")/<name>.sh"`
 * inside a step script) with the rest of the line; comment lines are skipped.
 */
export function ciScriptCalls(text: string): { script: string; args: string }[] {
  // `. "$(dirname "$0")/env.sh"` sources a helper: not a step.
  return withoutComments(text).split('\n').filter((l) => !/^\s*\.\s/.test(l))
    .flatMap((l) => [...l.matchAll(/(?:scripts\/ci\/|\$\(dirname "\$0"\)\/)([a-z][a-z0-9-]*\.sh)"?([^;&|]*)/g)])
    .map((m) => ({ script: m[1]!, args: (m[2] ?? '').trim() }));
}

/** Shell text without comment lines and trailing ` # comments` (enough for the repository's scripts). */
export function withoutComments(text: string): string {
  return text.split('\n').filter((l) => !l.trim().startsWith('#')).map((l) => l.replace(/\s+#\s.*$/, '')).join('\n');
}

/** Words of a shell argument list (quotes and `${{ expressions }}` kept whole; enough to count arguments). */
export function shellWords(args: string): string[] {
  return args.match(/\$\{\{[^}]*\}\}|"[^"]*"|'[^']*'|\S+/g) ?? [];
}

/** `bench <command>` calls in a shell text, with or without npx. */
export function benchCalls(script: string): { command: string; args: string }[] {
  return [...script.matchAll(/(?:^|[\s;&|(])(?:npx\s+)?bench\s+([a-z][a-z-]*)([^\n]*)/g)].map((m) => ({ command: m[1]!, args: m[2] ?? '' }));
}

/** The text of a CI step script. */
export function ciScript(name: string): string {
  return readFileSync(join(ciDir, name), 'utf8');
}

/** `bench` subcommands a CI step script calls, following the step scripts it calls. */
export function benchCommandsOf(name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const text = withoutComments(ciScript(name));
  // `npx bench "${args[@]}"` builds the command in an array: its first element names it.
  const arrayCommand = /args=\((\w[\w-]*)\s/.exec(text)?.[1];
  return [...benchCalls(text).map((c) => c.command).filter((c) => !c.startsWith('"')), ...(arrayCommand ? [arrayCommand] : []), ...ciScriptCalls(text).flatMap((c) => benchCommandsOf(c.script, seen))];
}
