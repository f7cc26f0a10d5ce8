export type { RescoreOptions, RescoreSummary } from './rescore-results.ts';
export { rescoreResults } from './rescore-results.ts';
export { canonicalJson, readResultFile, resultFileName, resultPath, writeResult } from './result-file.ts';
export type { InvalidResult, ResultScan, ScanOptions, StoredResult } from './scan-results.ts';
export { readResultsStrict, scanResults, scanResultsStrict } from './scan-results.ts';
export type { Run } from './runs.ts';
export { byRunId, groupRuns, latestRun, newestRunPerDirectory, requireOneRun } from './runs.ts';
