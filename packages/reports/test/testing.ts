export { writeSampleResults } from './sample-results.ts';
