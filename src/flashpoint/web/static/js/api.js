// Calls to the flashpoint REST API (same origin). Errors become ApiError with the server's message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function request(path, init) {
  const response = await fetch(path, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, body.detail || `${response.status} ${response.statusText}`);
  }
  return body;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const api = {
  meta: () => request("/api/meta"),
  events: (params) => request(`/api/events${query(params)}`),
  stats: (params) => request(`/api/stats${query(params)}`),
  event: (id) => request(`/api/events/${encodeURIComponent(id)}`),
  document: (id) => request(`/api/documents/${encodeURIComponent(id)}`),
  extract: (article) => request("/api/extract", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(article),
  }),
};
