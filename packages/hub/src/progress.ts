/** Progress reporting contract between the downloader and whoever shows it. */

/** Bytes done for one file; emitted many times per file, last with `finished: true`. */
export interface ProgressEvent {
  /** Repo-relative file name. */
  readonly file: string;
  /** Bytes on disk so far, including bytes resumed from a previous run. */
  readonly bytesDone: number;
  /** Total size when known (listing, Content-Length or Content-Range). */
  readonly bytesTotal: number | undefined;
  /** True once the file is complete (downloaded, verified and renamed, or skipped). */
  readonly finished?: boolean;
}

/** Receives progress events. */
export type ProgressListener = (event: ProgressEvent) => void;
