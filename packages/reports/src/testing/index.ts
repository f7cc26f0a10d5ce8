export * from './sample-results.ts';
export * from './sample-input.ts';
