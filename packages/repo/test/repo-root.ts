/** Locating the repository from the tests of this package (packages/repo/test -> repo root). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
