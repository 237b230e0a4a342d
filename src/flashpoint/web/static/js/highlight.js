// A document's text with evidence spans highlighted: a span inside another one is a value (strong highlight),
// a span containing others is its sentence (light highlight). Offsets index the text exactly as stored.

import { el } from "./dom.js";

export function highlighted(text, spans, labelOf, idPrefix) {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const context = new Set(sorted.filter((s) => sorted.some(
    (o) => o !== s && o.start >= s.start && o.end <= s.end && (o.end - o.start) < (s.end - s.start))).map((s) => s.id));
  const cuts = new Set([0, text.length]);
  for (const s of sorted) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const anchored = new Set();
  const root = el("div", { class: "doc-text" });
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = sorted.filter((s) => s.start <= from && s.end >= to);
    if (!covering.length) {
      root.append(piece);
      continue;
    }
    const values = covering.filter((s) => !context.has(s.id));
    const labels = [...new Set(covering.flatMap((s) => labelOf(s)))];
    const mark = el("mark", {
      class: values.length ? "ev-value" : "ev-context",
      "data-evidence": covering.map((s) => s.id).join(" "),
      title: labels.length ? labels.join("\n") : "evidence",
    }, piece);
    for (const s of covering.filter((c) => c.start === from && !anchored.has(c.id))) {
      anchored.add(s.id);
      root.append(el("span", { class: "anchor", id: `${idPrefix}${s.id}` }));
    }
    root.append(mark);
  }
  return root;
}
