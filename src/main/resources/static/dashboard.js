// Draws the dashboard's charts with Chart.js. No data is embedded in scripts (the page's security
// policy forbids inline scripts): each <canvas data-table="id"> is drawn from that table, whose
// <th data-series> columns are the series and whose <td data-value> cells hold the raw numbers.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return; // The tables stay: they carry every figure.
  }
  // Colours of the French State design system (blue France, red Marianne, green, orange).
  var colours = ['#000091', '#c9191e', '#18753c', '#b34000'];

  function draw(canvas) {
    var table = document.getElementById(canvas.dataset.table);
    if (!table) {
      return;
    }
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (row) {
      return row.cells.length === headers.length;
    });
    var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    var datasets = [];
    headers.forEach(function (header, column) {
      if (!header.hasAttribute('data-series')) {
        return;
      }
      var colour = colours[datasets.length % colours.length];
      datasets.push({
        label: header.textContent.trim(),
        data: rows.map(function (row) { return parseFloat(row.cells[column].dataset.value); }),
        backgroundColor: colour,
        borderColor: colour
      });
    });
    var horizontal = canvas.dataset.axis === 'y';
    new Chart(canvas, {
      type: canvas.dataset.chart,
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false, // nothing moves: calmer to read, and the same picture every time
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: datasets.length > 1 } },
        scales: horizontal ? { x: { beginAtZero: true } } : { y: { beginAtZero: true } }
      }
    });
    canvas.dataset.rendered = 'true';
  }

  Array.prototype.forEach.call(document.querySelectorAll('canvas[data-table]'), draw);
})();
