/**
 * The dashboard's only own script: draws the embedded chart configs with the inlined Chart.js UMD
 * build. Kept as a string because it runs in the browser, not in Node.
 */

/** Reads `#dashboard-data` and draws every chart into `canvas[data-chart=<id>]`. */
export const CLIENT_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var white = { id: 'whiteBackground', beforeDraw: function (chart) {
    var ctx = chart.ctx; ctx.save(); ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, chart.width, chart.height); ctx.restore(); } };
  Chart.defaults.font.family = 'system-ui, "DejaVu Sans", sans-serif';
  window.__charts = {};
  data.charts.forEach(function (spec) {
    var canvas = document.querySelector('canvas[data-chart="' + spec.id + '"]');
    if (!canvas) return;
    var config = spec.config;
    config.options = Object.assign({}, config.options, { animation: false, maintainAspectRatio: false });
    config.plugins = [white];
    window.__charts[spec.id] = new Chart(canvas, config);
  });
  window.__dashboardReady = true;
})();
`;
