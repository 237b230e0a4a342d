// One event: its fields, its claims grouped by attribute (contested ones side by side, with who said what), and
// each source document with the event's evidence spans highlighted.

import { api } from "./api.js";
import { el, typeColour, typeLabel, dateRange, fatalities, value, syntheticBadge } from "./dom.js";
import { highlighted } from "./highlight.js";

function field(name, content) {
  return content === null || content === undefined || content === "" ? [] : [el("dt", {}, name), el("dd", {}, content)];
}

function fields(event) {
  const where = event.location;
  const actors = event.actors.map((a) => `${a.role}: ${a.name}${a.inter ? ` (${a.inter})` : ""}`);
  const dead = event.fatalities;
  return el("dl", { class: "fields" },
    field("Kind", event.kind),
    field("Type", [event.event_type, event.sub_event_type].filter(Boolean).join(" › ") || null),
    field("PLOVER", event.plover ? event.plover.type : null),
    field("Date", dateRange(event.date.start, event.date.end)),
    field("Place", where ? [where.name || where.text, where.admin1, where.country].filter(Boolean).join(", ") : null),
    field("Coordinates", where && where.lat !== null ? `${where.lat.toFixed(4)}, ${where.lon.toFixed(4)}` : null),
    field("Actors", actors.length ? actors.join("; ") : null),
    field("Fatalities", dead ? fatalities({ fatalities_low: dead.low, fatalities_best: dead.best,
      fatalities_high: dead.high }) : null),
    field("Injured", event.injured ? String(event.injured.best ?? "") : null),
    field("Confidence", event.confidence.toFixed(2)),
    field("Flags", event.flags && event.flags.length ? event.flags.join(", ") : null));
}

function claimCard(claim, docIndex) {
  const who = claim.claimant ? `${claim.claimant.name}${claim.claimant.type ? ` (${claim.claimant.type})` : ""}`
    : "unattributed";
  return el("article", { class: `claim ${claim.status}` },
    el("p", { class: "claim-value" }, value(claim.value)),
    el("p", { class: "claimant" }, "according to ", el("strong", {}, who)),
    el("p", { class: "claim-status" }, claim.status + (claim.stance ? ` · ${claim.stance}` : "")),
    claim.quotes.length ? el("ul", { class: "quotes" }, claim.evidence.map((id, i) => el("li", {},
      el("a", { href: `#${docIndex.anchor(id)}`, "data-jump": docIndex.anchor(id) }, `“${claim.quotes[i] ?? id}”`))))
      : null);
}

function claimGroups(groups, docIndex) {
  if (!groups.length) return el("p", {}, "No claims recorded.");
  return groups.map((group) => el("section", { class: `claim-group${group.contested ? " is-contested" : ""}`,
    "aria-label": `Claims about ${group.attribute}` },
  el("h3", {}, group.attribute, group.contested ? el("span", { class: "badge contested" }, "contested") : null),
  el("div", { class: "claims" }, group.claims.map((c) => claimCard(c, docIndex)))));
}

async function sourceSection(source, detail, index) {
  const doc = await api.document(source.doc).catch(() => null);
  const spans = detail.evidence.filter((s) => s.doc === source.doc);
  const labels = new Map(spans.map((s) => [s.id, s.supports]));
  const heading = el("h3", {}, source.title || source.doc,
    source.synthetic || (doc && doc.synthetic) ? syntheticBadge() : null);
  const about = el("p", { class: "source-meta" }, [source.outlet, source.published, source.url ? el("a", {
    href: source.url, rel: "noopener noreferrer" }, "original") : null,
  source.copy_of ? `copy of ${source.copy_of}` : null].filter(Boolean).flatMap((x, i) => (i ? [" · ", x] : [x])));
  const body = doc && doc.text
    ? highlighted(doc.text, spans, (s) => labels.get(s.id) || [], index.prefix(source.doc))
    : el("p", {}, "The text of this document is not stored.");
  return el("section", { class: "source", "aria-label": `Source: ${source.title || source.doc}` }, heading, about,
    body);
}

export async function showEvent(root, id) {
  root.replaceChildren(el("p", { class: "status", role: "status" }, "Loading…"));
  let detail;
  try {
    detail = await api.event(id);
  } catch (err) {
    root.replaceChildren(el("h1", {}, "Event not found"), el("p", {}, err.message),
      el("p", {}, el("a", { href: "#/" }, "Back to all events")));
    return;
  }
  const event = detail.event;
  const docOf = new Map(detail.evidence.map((s) => [s.id, s.doc]));
  const docIndex = {
    prefix: (doc) => `doc${detail.sources.findIndex((s) => s.doc === doc)}-`,
    anchor: (evidenceId) => `${docIndex.prefix(docOf.get(evidenceId))}${evidenceId}`,
  };
  const synthetic = detail.sources.some((s) => s.synthetic);
  const sources = await Promise.all(detail.sources.map((s) => sourceSection(s, detail, docIndex)));
  root.replaceChildren(
    el("p", {}, el("a", { href: "#/", class: "back" }, "← All events")),
    el("h1", { tabindex: "-1" }, el("span", { class: "swatch", style: `background:${typeColour(event.event_type)}` }),
      `${typeLabel(event)} — ${event.location ? event.location.name || event.location.text : "unknown place"}, `
      + dateRange(event.date.start, event.date.end), synthetic ? syntheticBadge() : null),
    el("p", { class: "source-meta" }, `${detail.reports} report(s) from ${detail.independent_sources} independent `
      + `source(s) · id ${detail.id}`),
    el("div", { class: "event-grid" },
      el("section", { class: "panel", "aria-labelledby": "h-fields" }, el("h2", { id: "h-fields" }, "Fields"),
        fields(event)),
      el("section", { class: "panel", "aria-labelledby": "h-claims" }, el("h2", { id: "h-claims" }, "Claims"),
        el("p", { class: "hint" }, "Claims about the same attribute are grouped; when sources disagree they are "
          + "shown side by side with who made each."), claimGroups(detail.claim_groups, docIndex))),
    el("section", { class: "panel", "aria-labelledby": "h-sources" }, el("h2", { id: "h-sources" }, "Sources"),
      el("p", { class: "hint" }, "Highlighted: the words each value rests on (darker) within their sentence "
        + "(lighter). Hover or focus a highlight to see what it supports."), sources));
  root.addEventListener("click", (e) => {
    const target = e.target.closest("[data-jump]");
    if (!target) return;
    e.preventDefault();
    const anchor = document.getElementById(target.dataset.jump);
    if (anchor) {
      anchor.scrollIntoView({ behavior: "smooth", block: "center" });
      const mark = anchor.nextElementSibling;
      if (mark) {
        mark.classList.add("flash");
        setTimeout(() => mark.classList.remove("flash"), 1500);
      }
    }
  });
  root.querySelector("h1").focus();
}
