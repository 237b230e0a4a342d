// The events map: Natural Earth country outlines (bundled, no tiles), one marker per event sized by fatalities
// and coloured by type, grouped into numbered clusters on a pixel grid when markers would overlap.

import { el, typeColour, typeLabel, dateRange, fatalities } from "./dom.js";

const CELL = 44; // px: events whose markers fall in one grid cell of this size are clustered
const WORLD = "/static/vendor/world-atlas/countries-50m.json";

function onActivate(marker, action) {
  marker.on("click", action);
  marker.on("keypress", (e) => { if (e.originalEvent.key === "Enter") action(); });
}

function radius(event) {
  const dead = event.fatalities_best || 0;
  return Math.min(26, 6 + 3 * Math.sqrt(dead));
}

export class EventMap {
  constructor(container, onOpen) {
    this.onOpen = onOpen;
    this.events = [];
    this.map = L.map(container, { worldCopyJump: true, minZoom: 2, maxZoom: 11, zoomSnap: 0.5,
      attributionControl: true, keyboard: true }).setView([20, 20], 2);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
    this.layer = L.layerGroup().addTo(this.map);
    this.map.on("zoomend", () => this.draw());
    this.ready = this.loadOutlines();
  }

  async loadOutlines() {
    const response = await fetch(WORLD);
    const world = await response.json();
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, {
      renderer: L.canvas({ padding: 0.2 }),
      interactive: false,
      style: { color: "#8a8f98", weight: 0.6, fillColor: "#eceae4", fillOpacity: 1 },
    }).addTo(this.map);
  }

  show(events) {
    this.events = events.filter((e) => e.lat !== null && e.lon !== null);
    this.draw();
    if (this.events.length) {
      const bounds = L.latLngBounds(this.events.map((e) => [e.lat, e.lon]));
      this.map.fitBounds(bounds.pad(0.3), { maxZoom: 6 });
    }
  }

  draw() {
    this.layer.clearLayers();
    const zoom = this.map.getZoom();
    const cells = new Map();
    for (const event of this.events) {
      const point = this.map.project([event.lat, event.lon], zoom);
      const key = `${Math.floor(point.x / CELL)}:${Math.floor(point.y / CELL)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(event);
    }
    const keys = [...cells.keys()].sort();
    for (const key of keys) {
      const group = cells.get(key);
      this.layer.addLayer(group.length === 1 ? this.marker(group[0]) : this.cluster(group));
    }
  }

  marker(event) {
    const size = Math.round(2 * radius(event));
    const label = `${typeLabel(event)}, ${event.location || "unknown place"}, ${dateRange(event.date_start, event.date_end)}`
      + (event.fatalities_best ? `, ${event.fatalities_best} killed` : "");
    const icon = L.divIcon({
      className: "fp-marker",
      html: `<span style="background:${typeColour(event.event_type)};width:${size}px;height:${size}px"></span>`,
      iconSize: [size, size],
    });
    const marker = L.marker([event.lat, event.lon], { icon, title: label, alt: label, keyboard: true,
      riseOnHover: true });
    onActivate(marker, () => this.onOpen(event.id));
    return marker;
  }

  cluster(group) {
    const lat = group.reduce((s, e) => s + e.lat, 0) / group.length;
    const lon = group.reduce((s, e) => s + e.lon, 0) / group.length;
    const size = Math.round(Math.min(56, 26 + 6 * Math.log2(group.length)));
    const label = `${group.length} events near ${group[0].location || "here"}`;
    const icon = L.divIcon({ className: "fp-marker fp-cluster", html: `<span>${group.length}</span>`,
      iconSize: [size, size] });
    const marker = L.marker([lat, lon], { icon, title: label, alt: label, keyboard: true });
    onActivate(marker, () => {
      const bounds = L.latLngBounds(group.map((e) => [e.lat, e.lon]));
      const spread = !bounds.getNorthEast().equals(bounds.getSouthWest());
      if (spread && this.map.getZoom() < this.map.getMaxZoom()) {
        this.map.fitBounds(bounds.pad(0.5));
        return;
      }
      marker.bindPopup(this.list(group), { maxHeight: 260 }).openPopup();
    });
    return marker;
  }

  list(group) {
    const items = [...group].sort((a, b) => (a.date_start || "").localeCompare(b.date_start || "")
      || a.id.localeCompare(b.id));
    return el("ul", { class: "popup-list" }, items.map((e) => el("li", {},
      el("a", { href: `#/event/${encodeURIComponent(e.id)}` },
        `${dateRange(e.date_start, e.date_end)} · ${typeLabel(e)}`),
      fatalities(e) ? ` · ${fatalities(e)} killed` : "")));
  }
}
