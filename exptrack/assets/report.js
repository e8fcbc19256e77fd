// Hover values and run toggles for the report's SVG charts, from the embedded data.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var L = data.layout, SVG = "http://www.w3.org/2000/svg";
  var hidden = {};

  function fmt(v) {
    if (v === 0) { return "0"; }
    var a = Math.abs(v);
    return (a >= 1e5 || a < 1e-3) ? v.toExponential(3) : String(+v.toPrecision(6));
  }
  function nearest(xs, x) {  // index of the point closest to x (xs ascending as recorded)
    var lo = 0, hi = xs.length - 1;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (xs[mid] < x) { lo = mid + 1; } else { hi = mid; }
    }
    if (lo > 0 && Math.abs(xs[lo - 1] - x) <= Math.abs(xs[lo] - x)) { lo -= 1; }
    return lo;
  }
  function text(tag, cls, content) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    el.textContent = content;
    return el;
  }

  function applyToggles() {
    document.querySelectorAll("[data-run]").forEach(function (el) {
      if (el.tagName === "INPUT") { return; }
      var off = !!hidden[el.getAttribute("data-run")];
      if (el.closest("svg")) { el.classList.toggle("off", off); }
      else if (el.tagName === "TD" || el.tagName === "TH") { el.classList.toggle("off-col", off); }
      else if (el.classList.contains("run")) { el.classList.toggle("off-col", off); }
    });
  }
  document.querySelectorAll(".run-toggle input").forEach(function (box) {
    box.addEventListener("change", function () {
      hidden[box.getAttribute("data-run")] = !box.checked;
      applyToggles();
    });
  });

  data.charts.forEach(function (chart, index) {
    var svg = document.getElementById("chart-" + index);
    var layer = svg.querySelector("g.hover"), overlay = svg.querySelector("rect.overlay");
    var readout = document.getElementById("readout-" + index), b = chart.bounds;
    function toY(v) {
      var y = chart.log ? Math.log10(v) : v;
      return L.top + (b.y1 - y) / (b.y1 - b.y0) * L.height;
    }
    function clear() { layer.textContent = ""; readout.textContent = ""; }
    overlay.addEventListener("mousemove", function (event) {
      var box = svg.getBoundingClientRect();
      var px = (event.clientX - box.left) / box.width * L.svgWidth;
      var x = b.x0 + (px - L.left) / L.width * (b.x1 - b.x0);
      clear();
      var cursor = document.createElementNS(SVG, "line");
      cursor.setAttribute("class", "cursor");
      cursor.setAttribute("x1", px); cursor.setAttribute("x2", px);
      cursor.setAttribute("y1", L.top); cursor.setAttribute("y2", L.top + L.height);
      layer.appendChild(cursor);
      chart.series.forEach(function (s) {
        if (hidden[s.run] || !s.xs.length) { return; }
        var i = nearest(s.xs, x), run = data.runs[s.run];
        var dot = document.createElementNS(SVG, "circle");
        dot.setAttribute("cx", L.left + (s.xs[i] - b.x0) / (b.x1 - b.x0) * L.width);
        dot.setAttribute("cy", toY(s.ys[i]));
        dot.setAttribute("r", 3.5);
        dot.setAttribute("fill", run.color);
        layer.appendChild(dot);
        var item = document.createElement("span");
        item.appendChild(text("b", "", run.id));
        item.appendChild(document.createTextNode(" " + fmt(s.ys[i]) + " @" + fmt(s.xs[i]) + "   "));
        readout.appendChild(item);
      });
    });
    overlay.addEventListener("mouseleave", clear);
  });
  document.body.setAttribute("data-ready", String(data.charts.length));
})();
