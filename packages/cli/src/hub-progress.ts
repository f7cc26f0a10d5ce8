import type { ProgressListener, RetryListener } from '@parakeet-bench/hub';
import { createProgressRenderer } from '@parakeet-bench/hub';

/** Download listeners that draw progress on stderr, plus `finish` to end the progress line. */
export interface HubProgress {
  readonly listeners: {
    readonly onProgress: ProgressListener;
    readonly onNotice: (message: string) => void;
    readonly onRetry: RetryListener;
  };
  readonly finish: () => void;
}

/** Progress bar plus notices and retries on stderr, shared by every command that downloads. */
export function hubProgress(): HubProgress {
  const renderer = createProgressRenderer();
  // A notice ends the progress line first so it is not drawn over.
  const say = (line: string): void => {
    renderer.finish();
    process.stderr.write(`${line}\n`);
  };
  return {
    listeners: {
      onProgress: renderer.listener,
      onNotice: (n) => say(`note: ${n}`),
      onRetry: (err, retry, ms) => say(`retry ${retry} in ${(ms / 1000).toFixed(1)} s: ${err.message}`),
    },
    finish: () => renderer.finish(),
  };
}
