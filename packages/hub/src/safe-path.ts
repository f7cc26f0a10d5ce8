/**
 * File names come from the network (API listings) and from user registry files: never let one write
 * outside the target directory (the check itself is @parakeet-bench/node-io's, shared by every package).
 */
import { confinedPath } from '@parakeet-bench/node-io';

/** Joins a '/'-separated hub path under `root`; throws naming the file and the root when it would escape. */
export function hubFilePath(root: string, name: string): string {
  return confinedPath(root, name, (reason) => `refusing file name ${JSON.stringify(name)} for ${root}: ${reason}; hub paths must be relative`);
}
