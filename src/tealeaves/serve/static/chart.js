/* tealeaves timeline charts: SVG with axes, units, tooltips; no third-party code (MIT, part of tealeaves).
 *
 * A <figure class="chart"> holds its data as JSON in <script type="application/json" class="chart-data">,
 * in the shape the API returns ({by, series: [{term, source, points: [{period, count, total, share}]}]}).
 * Buttons switch between counts and shares, and (with data-api) refetch another period from the API.
 */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = ["#2b6cb0", "#c05621", "#2f855a", "#9b2c2c", "#6b46c1", "#b7791f", "#2c7a7b", "#97266d"];

  function el(name, attrs, parent, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function niceStep(max, count) {
    var raw = max / count, mag = Math.pow(10, Math.floor(Math.log10(raw))), r = raw / mag;
    return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * mag;
  }

  function fmt(v, mode) {
    if (mode === "share") return (v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2)) + "%";
    return v >= 1000 ? v.toLocaleString("en") : String(Math.round(v * 100) / 100);
  }

  function value(p, mode) { return mode === "share" ? 100 * (p.share || 0) : p.count; }

  function label(s) { return s.term + (s.source ? " — " + s.source : ""); }

  /* [from, to] query values covering one period label (year, month, ISO week or day). */
  function periodRange(period) {
    var m = /^(\d{4})-W(\d{2})$/.exec(period);
    if (!m) return [period, period];
    var jan4 = new Date(Date.UTC(+m[1], 0, 4));
    var monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (+m[2] - 1) * 7 * 864e5);
    var sunday = new Date(monday.getTime() + 6 * 864e5);
    return [monday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10)];
  }

  function draw(fig) {
    var data = fig._data, canvas = fig.querySelector(".chart-canvas");
    var both = fig.dataset.mode === "both" && data && data.series.length === 1;
    var mode = both ? "count" : (fig.dataset.mode === "both" ? "count" : fig.dataset.mode || "count");
    canvas.textContent = "";
    var series = (data && data.series) || [];
    var periods = series.length ? series[0].points.map(function (p) { return p.period; }) : [];
    if (!periods.length) {
      canvas.textContent = "No documents in this range.";
      fig.dataset.rendered = "1"; fig.dataset.points = "0"; fig.dataset.max = "0";
      return;
    }
    var W = Math.max(320, canvas.clientWidth || 800), H = 280;
    var m = {l: 70, r: both ? 64 : 16, t: 14, b: 64};
    var iw = W - m.l - m.r, ih = H - m.t - m.b;
    var max = 0;
    series.forEach(function (s) { s.points.forEach(function (p) { max = Math.max(max, value(p, mode)); }); });
    var step = max > 0 ? niceStep(max, 5) : 1, top = max > 0 ? Math.ceil(max / step) * step : 1;
    var svg = el("svg", {viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "img",
      "aria-label": "timeline of " + series.map(label).join(", ") + " per " + data.by}, canvas);
    var y = function (v) { return m.t + ih - (v / top) * ih; };
    var bw = iw / periods.length;
    var g = el("g", {"class": "axis y"}, svg);
    for (var t = 0; t <= top + 1e-9; t += step) {
      el("line", {x1: m.l, x2: m.l + iw, y1: y(t), y2: y(t), "class": "grid"}, g);
      el("text", {x: m.l - 6, y: y(t) + 4, "text-anchor": "end"}, g, fmt(t, mode));
    }
    el("text", {"class": "unit", transform: "translate(14," + (m.t + ih / 2) + ") rotate(-90)", "text-anchor": "middle"},
      g, mode === "share" ? "% of all documents per " + data.by : (fig.dataset.unit || "documents") + " per " + data.by);
    var gx = el("g", {"class": "axis x"}, svg);
    el("line", {x1: m.l, x2: m.l + iw, y1: m.t + ih, y2: m.t + ih, "class": "baseline"}, gx);
    var every = Math.max(1, Math.ceil(periods.length / Math.floor(iw / 44)));
    var rotate = periods[0].length > 4;
    periods.forEach(function (p, i) {
      if (i % every) return;
      var x = m.l + (i + 0.5) * bw;
      el("line", {x1: x, x2: x, y1: m.t + ih, y2: m.t + ih + 4, "class": "tick"}, gx);
      el("text", rotate ? {x: x, y: m.t + ih + 14, "text-anchor": "end", transform: "rotate(-40 " + x + " " + (m.t + ih + 14) + ")"}
                        : {x: x, y: m.t + ih + 18, "text-anchor": "middle"}, gx, p);
    });
    el("text", {"class": "unit", x: m.l + iw / 2, y: H - 4, "text-anchor": "middle"}, gx, data.by);
    var plot = el("g", {"class": "plot"}, svg);
    if (series.length === 1) {
      series[0].points.forEach(function (p, i) {
        var v = value(p, mode);
        var r = el("rect", {x: m.l + i * bw + Math.min(1, bw * 0.1), y: y(v), width: Math.max(0.5, bw - Math.min(2, bw * 0.2)),
          height: m.t + ih - y(v), fill: COLORS[0], "class": "bar", "data-period": p.period, "data-value": v}, plot);
        el("title", {}, r, p.period + ": " + fmt(v, mode));
      });
    } else {
      series.forEach(function (s, k) {
        var pts = s.points.map(function (p, i) { return (m.l + (i + 0.5) * bw).toFixed(1) + "," + y(value(p, mode)).toFixed(1); });
        el("polyline", {points: pts.join(" "), fill: "none", stroke: COLORS[k % COLORS.length], "stroke-width": 1.8,
          "class": "line", "data-term": label(s)}, plot);
      });
      var legend = document.createElement("div");
      legend.className = "chart-legend";
      series.forEach(function (s, k) {
        var item = document.createElement("span");
        var sw = document.createElement("i");
        sw.className = "swatch c" + (k % COLORS.length);
        item.appendChild(sw);
        item.appendChild(document.createTextNode(label(s)));
        legend.appendChild(item);
      });
      canvas.appendChild(legend);
    }
    if (both) shareLine(svg, series[0], {m: m, iw: iw, ih: ih, bw: bw, by: data.by}, fig);
    interact(fig, svg, series, periods, {m: m, iw: iw, ih: ih, bw: bw, mode: mode});
    fig.dataset.rendered = "1";
    fig.dataset.points = String(periods.length);
    fig.dataset.max = String(max);
  }

  /* The share of all documents as a line over the bars, on its own axis at the right. */
  function shareLine(svg, s, d, fig) {
    var max = 0;
    s.points.forEach(function (p) { max = Math.max(max, value(p, "share")); });
    var step = max > 0 ? niceStep(max, 5) : 1, top = max > 0 ? Math.ceil(max / step) * step : 1;
    var y = function (v) { return d.m.t + d.ih - (v / top) * d.ih; };
    var g = el("g", {"class": "axis y2"}, svg), x0 = d.m.l + d.iw;
    el("line", {x1: x0, x2: x0, y1: d.m.t, y2: d.m.t + d.ih, "class": "baseline"}, g);
    for (var t = 0; t <= top + 1e-9; t += step) el("text", {x: x0 + 6, y: y(t) + 4, "text-anchor": "start"}, g, fmt(t, "share"));
    el("text", {"class": "unit share", transform: "translate(" + (x0 + 56) + "," + (d.m.t + d.ih / 2) + ") rotate(90)",
      "text-anchor": "middle"}, g, "% of all documents per " + d.by);
    var pts = s.points.map(function (p, i) { return (d.m.l + (i + 0.5) * d.bw).toFixed(1) + "," + y(value(p, "share")).toFixed(1); });
    el("polyline", {points: pts.join(" "), fill: "none", stroke: COLORS[1], "stroke-width": 1.6, "class": "line share-line"}, svg);
    var legend = document.createElement("div");
    legend.className = "chart-legend";
    [["c0", "documents (bars, left axis)"], ["c1", "share of all documents (line, right axis)"]].forEach(function (k) {
      var item = document.createElement("span"), sw = document.createElement("i");
      sw.className = "swatch " + k[0];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(k[1]));
      legend.appendChild(item);
    });
    svg.parentNode.appendChild(legend);
    fig.dataset.shareMax = String(max);
  }

  function interact(fig, svg, series, periods, d) {
    var guide = el("line", {y1: d.m.t, y2: d.m.t + d.ih, "class": "guide", visibility: "hidden"}, svg);
    var hit = el("rect", {x: d.m.l, y: d.m.t, width: d.iw, height: d.ih, fill: "transparent", "class": "hit-area"}, svg);
    var tip = fig.querySelector(".chart-tip") || document.createElement("div");
    tip.className = "chart-tip";
    tip.hidden = true;
    fig.appendChild(tip);
    function index(evt) {
      var box = svg.getBoundingClientRect(), scale = box.width / svg.viewBox.baseVal.width;
      var x = (evt.clientX - box.left) / scale - d.m.l;
      return Math.max(0, Math.min(periods.length - 1, Math.floor(x / d.bw)));
    }
    hit.addEventListener("mousemove", function (evt) {
      var i = index(evt), x = d.m.l + (i + 0.5) * d.bw;
      guide.setAttribute("x1", x); guide.setAttribute("x2", x); guide.setAttribute("visibility", "visible");
      tip.textContent = "";
      var head = document.createElement("strong");
      head.textContent = periods[i];
      tip.appendChild(head);
      series.forEach(function (s) {
        var p = s.points[i], row = document.createElement("div");
        row.textContent = (series.length > 1 ? label(s) + ": " : "") + p.count.toLocaleString("en") + (fig.dataset.unit
          ? " " + fig.dataset.unit
          : " of " + p.total.toLocaleString("en") + " documents (" + (100 * (p.share || 0)).toFixed(2) + "%)");
        tip.appendChild(row);
      });
      tip.hidden = false;
      var fx = fig.getBoundingClientRect();
      tip.style.left = Math.min(evt.clientX - fx.left + 12, fx.width - 240) + "px";
      tip.style.top = (evt.clientY - fx.top + 12) + "px";
    });
    hit.addEventListener("mouseleave", function () { tip.hidden = true; guide.setAttribute("visibility", "hidden"); });
    if (fig.dataset.pick) {
      hit.classList.add("pickable");
      hit.addEventListener("click", function (evt) {
        var r = periodRange(periods[index(evt)]), u = new URL(window.location.href);
        u.searchParams.set("from", r[0]); u.searchParams.set("to", r[1]); u.searchParams.delete("page");
        window.location.href = u.toString();
      });
    }
  }

  function buttons(fig) {
    fig.querySelectorAll("button[data-mode]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.mode === (fig.dataset.mode || "count")));
      b.onclick = function () { fig.dataset.mode = b.dataset.mode; buttons(fig); draw(fig); };
    });
    fig.querySelectorAll("button[data-by]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.by === fig.dataset.by));
      b.onclick = function () { load(fig, b.dataset.by); };
    });
  }

  function load(fig, by) {
    var u = new URL(fig.dataset.api, window.location.href);
    u.searchParams.set("by", by);
    fig.classList.add("loading");
    fetch(u.toString(), {headers: {Accept: "application/json"}}).then(function (r) {
      return r.json().then(function (body) { return {ok: r.ok, body: body}; });
    }).then(function (res) {
      fig.classList.remove("loading");
      if (!res.ok) { fig.querySelector(".chart-canvas").textContent = res.body.error.message; return; }
      fig._data = res.body.chart || res.body; fig.dataset.by = by; buttons(fig); draw(fig);
    });
  }

  function init(fig) {
    var src = fig.querySelector("script.chart-data");
    fig._data = src ? JSON.parse(src.textContent) : null;
    buttons(fig);
    draw(fig);
    var width = fig.clientWidth;
    window.addEventListener("resize", function () {
      if (Math.abs(fig.clientWidth - width) > 40) { width = fig.clientWidth; draw(fig); }
    });
  }

  window.tealeavesChart = {init: init, draw: draw, periodRange: periodRange};
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("figure.chart").forEach(init);
  });
})();
