export type { ReportFormat } from './reporters/index.ts';
export { parseFormats } from './reporters/index.ts';
export type { WriteReportsOptions, WrittenReport } from './write-reports.ts';
export { buildDashboard, writeReports } from './write-reports.ts';
