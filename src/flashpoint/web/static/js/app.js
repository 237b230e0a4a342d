// The dashboard's router: #/ (events, filters in the query), #/event/<id>, #/extract.

import { api, query } from "./api.js";
import { EventsView } from "./events-view.js";
import { showEvent } from "./event-view.js";
import { ExtractView } from "./extract-view.js";

function parse(hash) {
  const [path, search] = (hash.replace(/^#/, "") || "/").split("?");
  return { path, params: Object.fromEntries(new URLSearchParams(search || "")) };
}

function start() {
  const views = {
    events: document.getElementById("view-events"),
    event: document.getElementById("view-event"),
    extract: document.getElementById("view-extract"),
  };
  const eventsView = new EventsView(views.events, (filters) => { location.hash = `#/${query(filters)}`; });
  new ExtractView(views.extract);

  function activate(name) {
    for (const [key, node] of Object.entries(views)) node.hidden = key !== name;
    for (const link of document.querySelectorAll("[data-nav]")) {
      if (link.dataset.nav === (name === "event" ? "events" : name)) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }

  async function route() {
    const { path, params } = parse(location.hash);
    if (path.startsWith("/event/")) {
      activate("event");
      document.title = "Event — flashpoint";
      await showEvent(views.event, decodeURIComponent(path.slice("/event/".length)));
    } else if (path === "/extract") {
      activate("extract");
      document.title = "Try an article — flashpoint";
    } else {
      activate("events");
      document.title = "flashpoint — evidenced conflict events";
      await eventsView.show(params);
    }
  }

  window.addEventListener("hashchange", route);
  api.meta().then((m) => {
    document.getElementById("meta").textContent =
      `${m.events} events · ${m.documents} documents · ${m.database}${m.snapshot ? " (snapshot)" : ""}`;
  }).catch(() => {});
  route();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
