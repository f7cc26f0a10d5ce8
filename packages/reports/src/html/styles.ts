/** Inline stylesheet: the dashboard is one file with no external requests. */
export const STYLES = `
body { font: 14px/1.45 system-ui, "DejaVu Sans", sans-serif; margin: 0; color: #222; background: #f6f7f9; }
header, main { max-width: 1400px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 16px; }
h1 { margin: 0 0 4px; font-size: 24px; }
h2 { margin-top: 40px; border-bottom: 2px solid #0072B2; padding-bottom: 4px; }
nav a { margin-right: 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 16px; }
.chart { background: #fff; border: 1px solid #ddd; border-radius: 6px; height: 420px; padding: 8px; position: relative; }
table { border-collapse: collapse; background: #fff; margin: 16px 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; }
td.bad { background: #fde2d8; color: #a33; font-weight: bold; }
.matrix dl { display: grid; grid-template-columns: auto auto; gap: 0 8px; margin: 0; }
.matrix dt { color: #666; } .matrix dd { margin: 0; text-align: right; }
.status-failed { color: #b00020; font-weight: bold; } .status-unsupported { color: #8a6d00; font-weight: bold; }
.diff { display: flex; flex-wrap: wrap; gap: 2px 6px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; margin: 4px 0 12px; }
.tok { display: inline-flex; flex-direction: column; align-items: center; padding: 0 2px; border-radius: 3px; }
.tok b { font-size: 11px; height: 14px; }
.tok.sub { background: #fff1c2; } .tok.del { background: #fde2d8; } .tok.ins { background: #d8f0e4; }
.tok.legend { color: #888; font-weight: bold; }
.meta { color: #555; font-size: 12px; }
details { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
summary { cursor: pointer; font-weight: bold; }
.invalid { color: #b00020; }
.raw { color: #666; font-size: 12px; margin: -8px 0 12px; } .raw b { color: #888; font-weight: normal; margin-right: 4px; }
.comparisons tr.sig-worse td { background: #fde2d8; } .comparisons tr.sig-better td { background: #d8f0e4; }
.comparisons tr.skipped td { color: #888; }
.trends select { font: inherit; margin: 8px 0; max-width: 100%; }
.trend-events { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 6px 10px 6px 28px; }
.trend-events .gate-fail, .verdict-fail { color: #b00020; } .trend-events .gate-warn, .verdict-warn { color: #8a5a00; }
.verdict-pass { color: #1b7f3b; }
.timestamps tr.skipped td { color: #888; } td.na { color: #aaa; text-align: center; }
`;
