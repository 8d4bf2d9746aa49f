// The one live event stream of the page (GET /api/v1/events). EventSource reconnects by itself and sends
// Last-Event-ID; a 'reset' event means events were missed, so listeners reload what they show. 'session-ended' is
// the stream's last event when the session behind it ended (sign-out elsewhere, expiry, password change): the page
// closes the stream and shows the sign-in.
let source = null;
const listeners = new Map();
const stateListeners = new Set();

export function connect() {
  if (source) return;
  source = new EventSource('/api/v1/events');
  for (const type of ['profile', 'pbx-sync', 'office', 'reset', 'session-ended']) {
    source.addEventListener(type, (e) => {
      const data = e.data ? JSON.parse(e.data) : null;
      (listeners.get(type) || new Set()).forEach((fn) => fn(data));
    });
  }
  source.onopen = () => stateListeners.forEach((fn) => fn(true));
  source.onerror = () => stateListeners.forEach((fn) => fn(false));
}

export function disconnect() {
  if (source) source.close();
  source = null;
}

/** Calls fn(data) for every event of the type until the returned function is called. */
export function on(type, fn) {
  if (!listeners.has(type)) listeners.set(type, new Set());
  listeners.get(type).add(fn);
  return () => listeners.get(type).delete(fn);
}

/** Calls fn(true) when the stream is open, fn(false) while it reconnects. */
export function onState(fn) {
  stateListeners.add(fn);
  return () => stateListeners.delete(fn);
}
