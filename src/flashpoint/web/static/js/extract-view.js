// Try an article: POST the pasted text to /api/extract and show each event with its evidence highlighted.

import { api } from "./api.js";
import { el, typeColour, typeLabel, dateRange, value } from "./dom.js";
import { highlighted } from "./highlight.js";

function eventCard(event, text, n) {
  const spans = Object.entries(event.evidence).map(([id, s]) => ({ id, ...s }));
  const where = event.location;
  const dead = event.fatalities;
  return el("article", { class: "panel extracted" },
    el("h2", {}, el("span", { class: "swatch", style: `background:${typeColour(event.event_type)}` }),
      `${n}. ${typeLabel(event)} — ${where ? where.name || where.text : "unknown place"}, `
      + dateRange(event.date.start, event.date.end)),
    el("p", { class: "source-meta" }, `kind: ${event.kind}`, event.sub_event_type ? ` · ${event.sub_event_type}` : "",
      dead ? ` · fatalities ${value(dead.best)}` : "",
      event.actors.length ? ` · ${event.actors.map((a) => `${a.role}: ${a.name}`).join("; ")}` : ""),
    event.claims.length ? el("ul", { class: "quotes" }, event.claims.map((c) => el("li", {},
      `${c.attribute} = ${value(c.value)} (${c.status}${c.claimant ? `, ${c.claimant.name}` : ""})`))) : null,
    highlighted(text, spans, () => [], `x${n}-`));
}

export class ExtractView {
  constructor(root) {
    this.form = root.querySelector("#extract-form");
    this.status = root.querySelector("#x-status");
    this.result = root.querySelector("#x-result");
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.run();
    });
  }

  async run() {
    const data = new FormData(this.form);
    const text = data.get("text");
    const article = { text, published: data.get("published") || null, title: data.get("title") || null };
    const button = this.form.querySelector("button[type=submit]");
    button.disabled = true;
    this.status.textContent = "Extracting…";
    this.result.replaceChildren();
    try {
      const out = await api.extract(article);
      this.status.textContent = `${out.events.length} event${out.events.length === 1 ? "" : "s"} found`
        + (out.warnings.length ? ` · ${out.warnings.join("; ")}` : "") + ".";
      this.result.replaceChildren(...out.events.map((e, i) => eventCard(e, text, i + 1)));
    } catch (err) {
      this.status.textContent = `Extraction failed: ${err.message}`;
    } finally {
      button.disabled = false;
    }
  }
}
