/** A stand-in worker for sweep tests: behaviour chosen by the variant id. */
import { writeJsonAtomic } from '@parakeet-bench/node-io';
import { environmentOf } from '../src/environment.ts';
import type { ConfigJob } from '../src/worker/job.ts';

const job = JSON.parse(process.argv[2]!) as ConfigJob;
const variant = job.config.variant;
if (variant === 'crash') {
  process.stderr.write('progress: about to crash\n');
  process.stderr.write('Segmentation fault (simulated)\n');
  process.exit(3);
}
if (variant === 'hang') {
  await new Promise((r) => setTimeout(r, 60_000));
}
const now = new Date().toISOString();
await writeJsonAtomic(job.resultPath, {
  schemaVersion: 2,
  config: job.config,
  status: 'ok',
  startedAt: now,
  finishedAt: now,
  environment: environmentOf('onnxruntime-node'),
  // As the real worker does: the result carries the run and the inputs the sweep hashed.
  ...(job.runId ? { runId: job.runId } : {}),
  ...(job.provenance ? { provenance: job.provenance } : {}),
  accuracy: { wer: 0, cer: 0, words: { hits: 1, substitutions: 0, deletions: 0, insertions: 0, referenceLength: 1 }, chars: { hits: 1, substitutions: 0, deletions: 0, insertions: 0, referenceLength: 1 }, utterances: 1, emptyReferences: 0 },
  utterances: [],
});
