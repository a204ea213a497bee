/* detente dashboard: plain JS over the JSON twins of the pages (no build step). */
"use strict";

const QUAD = [
  { key: "verbal_coop", label: "verbal cooperation", color: "#4c9a6a" },
  { key: "material_coop", label: "material cooperation", color: "#1f6e43" },
  { key: "verbal_conflict", label: "verbal conflict", color: "#e0894a" },
  { key: "material_conflict", label: "material conflict", color: "#b8322a" },
];
const BLOC_COLORS = ["#3366cc", "#dc3912", "#ff9900", "#109618", "#990099", "#0099c6", "#dd4477", "#66aa00"];

async function fetchJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok || body.ok === false) {
    throw new Error(body.error || `HTTP ${response.status}`);
  }
  return body;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function renderSegments(segments) {
  const p = el("p", { class: "sentence" });
  const span = el("span", { class: "evidence" });
  for (const seg of segments) {
    span.append(seg.role ? el("mark", { class: seg.role, title: seg.role }, seg.text) : document.createTextNode(seg.text));
  }
  p.append(span);
  return p;
}

function showError(container, error) {
  container.replaceChildren(el("p", { class: "error-message" }, error.message));
}

async function showEvidence(eventKey) {
  const panel = document.getElementById("evidence-panel");
  const body = document.getElementById("evidence-body");
  if (!panel || !body) return;
  panel.hidden = false;
  body.replaceChildren(el("p", { class: "loading" }, "loading…"));
  document.querySelectorAll("tr.event-row.selected").forEach((r) => r.classList.remove("selected"));
  document.querySelectorAll(`tr.event-row[data-key="${CSS.escape(eventKey)}"]`).forEach((r) => r.classList.add("selected"));
  try {
    const data = await fetchJSON(`/api/events/${encodeURIComponent(eventKey)}`);
    const e = data.event;
    const parts = [
      el("h3", {}, `${e.source_actor} → ${e.target_actor} · ${e.cameo_code} ${e.plover_type || ""}`),
      el("p", { class: "meta" }, `${e.event_date || "undated"} · Goldstein ${e.goldstein} · ${e.num_mentions} mention(s)`),
      el("p", { class: "legend" }, el("mark", { class: "source" }, "source"), " ", el("mark", { class: "target" }, "target"), " ", el("mark", { class: "verb" }, "verb")),
    ];
    for (const m of data.mentions) {
      const block = el("div", { class: "mention" }, renderSegments(m.segments));
      block.append(el("p", { class: "meta" },
        el("a", { href: `/documents/${encodeURIComponent(m.doc_id)}` }, m.doc_title || m.doc_id),
        ` · rule ${m.rule} (${m.coder})`));
      parts.push(block);
    }
    parts.push(el("p", {}, el("a", { href: `/events/${encodeURIComponent(eventKey)}` }, "event page →")));
    body.replaceChildren(...parts);
  } catch (error) {
    showError(body, error);
  }
}

function bindEventRows(root) {
  root.querySelectorAll("tr.event-row").forEach((row) => {
    row.addEventListener("click", (ev) => {
      if (ev.target.closest("a")) return; // links keep working
      showEvidence(row.dataset.key);
    });
    row.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") showEvidence(row.dataset.key);
    });
  });
}

function eventTable(events) {
  const table = el("table", { class: "events" });
  table.append(el("thead", {}, el("tr", {}, ...["date", "source", "target", "CAMEO", "PLOVER", "QuadClass", "Goldstein"].map((h) => el("th", {}, h)))));
  const tbody = el("tbody");
  for (const e of events) {
    tbody.append(el("tr", { class: "event-row", "data-key": e.event_key, tabindex: "0" },
      el("td", {}, e.event_date || ""), el("td", {}, e.source_actor), el("td", {}, e.target_actor),
      el("td", {}, el("code", {}, e.cameo_code)), el("td", {}, e.plover_type || ""),
      el("td", {}, el("span", { class: `quad quad-${e.quad_class}` }, e.quad_class)),
      el("td", { class: "num" }, e.goldstein)));
  }
  if (!events.length) tbody.append(el("tr", {}, el("td", { colspan: "7", class: "empty" }, "No events.")));
  table.append(tbody);
  return table;
}

/* ---- dyad timeline ---------------------------------------------------- */
function drawDyad(data) {
  const chart = document.getElementById("dyad-chart");
  const message = document.getElementById("dyad-message");
  message.textContent = data.message || (data.series.length ? `${data.a} – ${data.b}${data.directed ? " (A → B only)" : ""}, per ${data.period}` : "");
  if (!data.series.length) {
    Plotly.purge(chart);
    chart.replaceChildren();
    return;
  }
  const x = data.series.map((r) => r.period);
  const custom = data.series.map((r) => [r.period, r.period_end]);
  const traces = QUAD.map((q) => ({
    type: "bar", name: q.label, x, y: data.series.map((r) => r[q.key]),
    marker: { color: q.color }, customdata: custom,
    hovertemplate: `%{x|%Y-%m-%d}: %{y} ${q.label}<extra></extra>`,
  }));
  traces.push({
    type: "scatter", mode: "lines+markers", name: "Goldstein sum", x,
    y: data.series.map((r) => r.goldstein_sum), yaxis: "y2", customdata: custom,
    line: { color: "#222", width: 2 }, hovertemplate: "%{x|%Y-%m-%d}: Goldstein %{y:.1f}<extra></extra>",
  });
  const layout = {
    barmode: "stack", margin: { t: 30, r: 60, b: 40, l: 50 }, height: 420,
    legend: { orientation: "h", y: 1.12 },
    xaxis: { type: "date", title: { text: data.period } },
    yaxis: { title: { text: "events" }, rangemode: "tozero" },
    yaxis2: { title: { text: "Goldstein sum" }, overlaying: "y", side: "right", zeroline: true },
  };
  Plotly.react(chart, traces, layout, { responsive: true, displaylogo: false });
  chart.removeAllListeners && chart.removeAllListeners("plotly_click");
  chart.on("plotly_click", (ev) => {
    const point = ev.points && ev.points[0];
    if (point && point.customdata) listPeriod(data, point.customdata[0], point.customdata[1]);
  });
}

async function listPeriod(data, start, end) {
  const section = document.getElementById("period-events");
  const list = document.getElementById("period-list");
  section.hidden = false;
  document.getElementById("period-title").textContent = `${data.a} – ${data.b}: ${start} → ${end}`;
  const params = new URLSearchParams({ date_from: start, date_to: end, limit: "200", dedup: data.dedup });
  if (data.directed) { params.set("source", data.a); params.set("target", data.b); }
  else params.set("dyad", `${data.a},${data.b}`);
  try {
    const page = await fetchJSON(`/api/events?${params}`);
    list.replaceChildren(eventTable(page.events));
    bindEventRows(list);
  } catch (error) {
    showError(list, error);
  }
}

function initDyad() {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  drawDyad(data);
  const form = document.getElementById("dyad-form");
  const reload = async () => {
    const params = new URLSearchParams(new FormData(form));
    history.replaceState(null, "", `/dyad?${params}`);
    try {
      const fresh = await fetchJSON(`/api/dyad?${params}`);
      document.getElementById("period-events").hidden = true;
      drawDyad(fresh);
    } catch (error) {
      document.getElementById("dyad-message").textContent = error.message;
    }
  };
  form.addEventListener("change", reload);
  form.addEventListener("submit", (ev) => { ev.preventDefault(); reload(); });
}

/* ---- network ----------------------------------------------------------- */
function drawNetwork(data) {
  const chart = document.getElementById("network-chart");
  if (!data.nodes.length) return;
  const pos = Object.fromEntries(data.nodes.map((n) => [n.id, n]));
  const edgeTrace = (sign, color, name) => {
    const xs = [], ys = [];
    for (const link of data.links.filter((l) => Math.sign(l.sign) === sign)) {
      xs.push(pos[link.source].x, pos[link.target].x, null);
      ys.push(pos[link.source].y, pos[link.target].y, null);
    }
    return { type: "scatter", mode: "lines", x: xs, y: ys, name, hoverinfo: "skip", line: { color, width: 2 } };
  };
  const nodes = {
    type: "scatter", mode: "markers+text", name: "actors",
    x: data.nodes.map((n) => n.x), y: data.nodes.map((n) => n.y),
    text: data.nodes.map((n) => n.id), textposition: "top center",
    customdata: data.nodes.map((n) => (n.bloc === null || n.bloc === undefined ? "none" : n.bloc + 1)),
    hovertemplate: "%{text} · bloc %{customdata}<extra></extra>",
    marker: {
      size: data.nodes.map((n) => 12 + Math.min(24, Math.sqrt(n.strength || 0) * 2)),
      color: data.nodes.map((n) => (n.bloc === null || n.bloc === undefined ? "#999" : BLOC_COLORS[n.bloc % BLOC_COLORS.length])),
      line: { color: "#fff", width: 1 },
    },
  };
  const traces = [edgeTrace(1, "#4c9a6a", "cooperation"), edgeTrace(-1, "#b8322a", "conflict"), edgeTrace(0, "#bbb", "neutral"), nodes];
  const axis = { visible: false, zeroline: false, showgrid: false };
  Plotly.react(chart, traces, {
    margin: { t: 20, r: 20, b: 20, l: 20 }, height: 520, showlegend: true,
    legend: { orientation: "h" }, xaxis: axis, yaxis: axis,
  }, { responsive: true, displaylogo: false });
}

function initNetwork() {
  drawNetwork(JSON.parse(document.getElementById("page-data").textContent));
}

document.addEventListener("DOMContentLoaded", () => {
  const page = document.body.dataset.page;
  if (page === "dyad") initDyad();
  else if (page === "network") initNetwork();
  bindEventRows(document);
});
