// Small DOM helpers, event-type colours and value formatting shared by the views.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ACLED event types (and anything else) → marker colour; colour-blind-safe (Okabe–Ito).
export const TYPE_COLOURS = Object.freeze({
  "Battles": "#d55e00",
  "Explosions/Remote violence": "#cc79a7",
  "Violence against civilians": "#b8860b",
  "Protests": "#0072b2",
  "Riots": "#56b4e9",
  "Strategic developments": "#009e73",
});
export const OTHER_COLOUR = "#6b6b6b";

export function typeColour(type) {
  return TYPE_COLOURS[type] || OTHER_COLOUR;
}

export function typeLabel(event) {
  if (event.event_type) return event.event_type;
  if (event.plover_type) return `PLOVER ${event.plover_type}`;
  return "unclassified";
}

export function dateRange(start, end) {
  if (!start) return "undated";
  return end && end !== start ? `${start} – ${end}` : start;
}

export function fatalities(event) {
  const { fatalities_low: low, fatalities_best: best, fatalities_high: high } = event;
  if (best === null || best === undefined) return "";
  return low !== null && high !== null && (low !== best || high !== best) ? `${best} (${low}–${high})` : String(best);
}

export function value(v) {
  if (v === null || v === undefined) return "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export function syntheticBadge() {
  return el("span", { class: "badge synthetic", title: "A report written for the demo, not real reporting" },
    "synthetic");
}
