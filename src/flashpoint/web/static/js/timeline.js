// The timeline: an SVG bar chart of events per day or per week (gaps shown as empty bins).

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function bins(counts) {
  if (!counts.length) return [];
  const step = counts.length > 1 ? Math.min(...counts.slice(1).map((c, i) => Date.parse(c.key) - Date.parse(counts[i].key))) : DAY;
  const unit = step >= 7 * DAY ? 7 * DAY : DAY;
  const byKey = new Map(counts.map((c) => [c.key, c.count]));
  const out = [];
  const end = Date.parse(counts[counts.length - 1].key);
  for (let t = Date.parse(counts[0].key); t <= end && out.length < 2000; t += unit) {
    const key = new Date(t).toISOString().slice(0, 10);
    out.push({ key, count: byKey.get(key) || 0 });
  }
  return out;
}

export function drawTimeline(container, counts, unitName) {
  container.replaceChildren();
  const data = bins(counts);
  if (!data.length) {
    container.textContent = "No dated events.";
    container.setAttribute("aria-label", "Timeline: no dated events");
    return;
  }
  const width = 560;
  const height = 180;
  const pad = { left: 32, right: 8, top: 10, bottom: 34 };
  const max = Math.max(...data.map((d) => d.count));
  const barW = (width - pad.left - pad.right) / data.length;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline-svg", preserveAspectRatio: "none" });
  const y = (n) => height - pad.bottom - (n / max) * (height - pad.top - pad.bottom);
  chart.append(svg("line", { x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0), class: "axis" }));
  for (const tick of [0, max]) {
    const label = svg("text", { x: pad.left - 4, y: y(tick) + 4, "text-anchor": "end", class: "tick" });
    label.textContent = String(tick);
    chart.append(label);
  }
  data.forEach((d, i) => {
    if (!d.count) return;
    const bar = svg("rect", { x: pad.left + i * barW + 0.5, y: y(d.count), width: Math.max(1, barW - 1),
      height: y(0) - y(d.count), class: "bar" });
    const title = svg("title");
    title.textContent = `${unitName === "week" ? "week of " : ""}${d.key}: ${d.count} event${d.count === 1 ? "" : "s"}`;
    bar.append(title);
    chart.append(bar);
  });
  for (const i of [0, data.length - 1]) {
    const label = svg("text", { x: i ? width - pad.right : pad.left, y: height - 12,
      "text-anchor": i ? "end" : "start", class: "tick" });
    label.textContent = data[i].key;
    chart.append(label);
  }
  const total = data.reduce((s, d) => s + d.count, 0);
  container.setAttribute("aria-label",
    `Timeline: ${total} dated events per ${unitName} from ${data[0].key} to ${data[data.length - 1].key}`);
  container.append(chart);
}
