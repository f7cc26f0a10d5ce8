/**
 * Messages for invalid user input (sweep files, model registries, command-line overrides): each issue
 * names the field path, and a misspelled field (`timeoutSecs`, `preprocesorFile`) is named with the
 * closest field the schema knows, so the fix is in the message.
 */
import type { z } from 'zod';

/** Levenshtein distance of two short strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The known name closest to `name` (case-insensitive edit distance at most a third of its length, at least 2), or undefined. */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Every object key a zod schema accepts, anywhere in it (the candidates for "did you mean"). */
export function schemaKeys(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (s: unknown): void => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def['shape'] as Record<string, unknown> | undefined;
    if (shape) for (const [k, v] of Object.entries(shape)) {
      keys.add(k);
      visit(v);
    }
    for (const field of ['element', 'innerType', 'in', 'out', 'left', 'right', 'valueType', 'schema']) visit(def[field]);
    for (const option of (def['options'] as unknown[] | undefined) ?? []) visit(option);
  };
  visit(schema);
  return keys;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** One line per issue: `path: message`, unknown keys with their closest known name. */
export function describeInputIssues(error: z.ZodError, schema: z.ZodType): string {
  const known = schemaKeys(schema);
  return error.issues
    .map((issue) => {
      const where = pathOf(issue.path) || '(top level)';
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map((key) => {
            const guess = closestName(key, known);
            return `  ${where}: unknown field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
          })
          .join('\n');
      }
      return `  ${where}: ${issue.message}`;
    })
    .join('\n');
}
