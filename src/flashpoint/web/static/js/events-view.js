// The events view: filters, map, timeline, counts by type and the table, all driven by the same filters
// (kept in the address, so a filtered view can be bookmarked and the Back button works).

import { api } from "./api.js";
import { el, typeColour, typeLabel, dateRange, fatalities, TYPE_COLOURS, OTHER_COLOUR } from "./dom.js";
import { EventMap } from "./map.js";
import { drawTimeline } from "./timeline.js";

const FILTERS = ["type", "country", "since", "until", "actor", "q", "sort"];
const TABLE_PAGE = 100;
const MAP_LIMIT = 1000; // the API's hard maximum page size
const MAX_DAY_BINS = 180; // longer spans are drawn per week

export class EventsView {
  constructor(root, navigate) {
    this.root = root;
    this.navigate = navigate;
    this.form = root.querySelector("#filters");
    this.status = root.querySelector("#status");
    this.tbody = root.querySelector("#events tbody");
    this.more = root.querySelector("#more");
    this.timeline = root.querySelector("#timeline");
    this.map = null;
    this.filters = {};
    this.next = null;
    this.stats = null;
    this.loaded = false;
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.navigate(this.formFilters());
    });
    root.querySelector("#f-reset").addEventListener("click", () => this.navigate({}));
    this.more.addEventListener("click", () => this.loadPage(true));
    for (const radio of root.querySelectorAll("input[name=bin]")) {
      radio.addEventListener("change", () => this.drawTimeline());
    }
    this.legend();
  }

  formFilters() {
    const data = new FormData(this.form);
    return Object.fromEntries(FILTERS.map((k) => [k, (data.get(k) || "").trim()]).filter(([, v]) => v));
  }

  async show(filters) {
    const key = JSON.stringify(filters);
    if (this.loaded && key === this.shownKey) {
      this.map?.map.invalidateSize();
      return;
    }
    if (!this.map) {
      this.map = new EventMap(this.root.querySelector("#map"), (id) => { location.hash = `#/event/${encodeURIComponent(id)}`; });
    }
    this.map.map.invalidateSize();
    this.filters = filters;
    this.shownKey = key;
    if (!this.loaded) await this.fillChoices();
    for (const name of FILTERS) {
      const input = this.form.elements[name];
      input.value = filters[name] || (name === "sort" ? "-date" : "");
    }
    this.status.textContent = "Loading…";
    try {
      const { sort, ...where } = filters;
      const [stats, mapPage] = await Promise.all([
        api.stats(where),
        api.events({ ...where, sort: "-fatalities", limit: MAP_LIMIT }),
        this.loadPage(false),
      ]);
      this.stats = stats;
      await this.map.ready;
      this.map.show(mapPage.data);
      this.drawTimeline();
      this.drawCounts(stats);
      const located = mapPage.data.filter((e) => e.lat !== null).length;
      this.status.textContent = `${stats.total} event${stats.total === 1 ? "" : "s"} match`
        + (mapPage.count > MAP_LIMIT ? `; the map shows the ${MAP_LIMIT} with most fatalities` : "")
        + (located < mapPage.data.length ? ` (${mapPage.data.length - located} without a place are not on the map)` : "")
        + ".";
      this.loaded = true;
    } catch (err) {
      this.status.textContent = `Could not load events: ${err.message}`;
      this.shownKey = null;
    }
  }

  async fillChoices() {
    const stats = await api.stats({});
    const type = this.form.elements.type;
    for (const c of stats.by_type) {
      if (c.key) type.append(el("option", { value: c.key.replace(/^PLOVER /, "") }, `${c.key} (${c.count})`));
    }
    const country = this.form.elements.country;
    for (const c of [...stats.by_country].sort((a, b) => (a.label || "").localeCompare(b.label || ""))) {
      if (c.key) country.append(el("option", { value: c.key }, `${c.label || c.key} (${c.count})`));
    }
  }

  async loadPage(append) {
    const page = await api.events({ ...this.filters, sort: this.filters.sort || "-date", limit: TABLE_PAGE,
      cursor: append ? this.next : undefined });
    if (!append) this.tbody.replaceChildren();
    for (const e of page.data) this.tbody.append(this.row(e));
    if (!page.data.length && !append) {
      this.tbody.append(el("tr", {}, el("td", { colspan: 6, class: "empty" }, "No events match these filters.")));
    }
    this.next = page.next;
    this.more.hidden = !page.next;
    return page;
  }

  row(e) {
    const actors = [e.actor1, e.actor2].filter(Boolean).join(" vs ");
    const place = [e.location, e.country].filter(Boolean).join(", ");
    return el("tr", { "data-id": e.id },
      el("td", {}, el("a", { href: `#/event/${encodeURIComponent(e.id)}` }, dateRange(e.date_start, e.date_end))),
      el("td", {}, el("span", { class: "swatch", style: `background:${typeColour(e.event_type)}` }),
        typeLabel(e), e.sub_event_type ? el("span", { class: "sub" }, e.sub_event_type) : null),
      el("td", {}, place || "—"),
      el("td", {}, actors || "—"),
      el("td", { class: "num" }, fatalities(e),
        e.contested_claims ? el("span", { class: "badge contested", title: "sources disagree" }, "contested") : null),
      el("td", {}, e.outlets.join(", ")));
  }

  drawTimeline() {
    if (!this.stats) return;
    const days = this.stats.by_day;
    const span = days.length ? (Date.parse(days[days.length - 1].key) - Date.parse(days[0].key)) / 86400000 : 0;
    const asked = this.root.querySelector("input[name=bin]:checked").value;
    const unit = asked === "day" && span > MAX_DAY_BINS ? "week" : asked;
    drawTimeline(this.timeline, unit === "week" ? this.stats.by_week : days, unit);
    this.root.querySelector("#timeline-note").textContent = unit === asked ? ""
      : `Shown per week: the events span ${Math.round(span)} days. Narrow the dates to see days.`;
  }

  drawCounts(stats) {
    const list = this.root.querySelector("#by-type");
    list.replaceChildren(...stats.by_type.map((c) => el("li", {},
      el("span", { class: "swatch", style: `background:${typeColour(c.key)}` }), c.key || "unclassified",
      el("span", { class: "count" }, String(c.count)))));
  }

  legend() {
    const items = [...Object.entries(TYPE_COLOURS), ["other / PLOVER only", OTHER_COLOUR]];
    this.root.querySelector("#legend").replaceChildren(...items.map(([name, colour]) => el("li", {},
      el("span", { class: "swatch", style: `background:${colour}` }), name)));
  }
}
