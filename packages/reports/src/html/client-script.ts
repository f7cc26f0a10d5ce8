/**
 * The dashboard's only own script: draws the embedded chart configs with the inlined Chart.js UMD
 * build, and the trend charts of the config picked in each dataset's selector. Kept as a string
 * because it runs in the browser, not in Node.
 */

/**
 * Reads `#dashboard-data`, draws every chart into `canvas[data-chart=<id>]`, and for each dataset's
 * trends draws the selected config's charts into `canvas[data-trend-chart=<dataset>]` (redrawn on
 * change, with that config's event list shown).
 */
export const CLIENT_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var white = { id: 'whiteBackground', beforeDraw: function (chart) {
    var ctx = chart.ctx; ctx.save(); ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, chart.width, chart.height); ctx.restore(); } };
  Chart.defaults.font.family = 'system-ui, "DejaVu Sans", sans-serif';
  window.__charts = {};
  function draw(canvas, spec, key) {
    if (window.__charts[key]) window.__charts[key].destroy();
    var config = JSON.parse(JSON.stringify(spec.config));
    config.options = Object.assign({}, config.options, { animation: false, maintainAspectRatio: false });
    config.plugins = [white];
    canvas.dataset.drawn = spec.id;
    window.__charts[key] = new Chart(canvas, config);
  }
  data.charts.forEach(function (spec) {
    var canvas = document.querySelector('canvas[data-chart="' + spec.id + '"]');
    if (canvas) draw(canvas, spec, spec.id);
  });
  function showTrend(ds, key) {
    var specs = data.trends[ds].configs[key];
    document.querySelectorAll('canvas[data-trend-chart="' + ds + '"]').forEach(function (canvas, i) {
      if (specs[i]) draw(canvas, specs[i], 'trend:' + ds + ':' + canvas.dataset.metric);
    });
    document.querySelectorAll('[data-trend-events^="' + ds + ':"]').forEach(function (list) {
      list.hidden = list.dataset.trendEvents !== ds + ':' + key;
    });
  }
  Object.keys(data.trends || {}).forEach(function (ds) {
    var select = document.querySelector('select[data-trend-select="' + ds + '"]');
    showTrend(ds, data.trends[ds].selected);
    if (select) select.addEventListener('change', function () { showTrend(ds, select.value); });
  });
  window.__dashboardReady = true;
})();
`;
