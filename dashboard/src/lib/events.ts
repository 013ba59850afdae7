/**
 * The account's live events: `GET /api/events`, a Server-Sent Events stream. An EventSource
 * cannot send the bearer token, so the stream is read with fetch (through the API client {@link api},
 * the same token source and 401 renewal as every other call) and parsed here. The server replays
 * nothing: a consumer reads again what it follows each time the stream opens.
 */

import { api, ApiError, apiBaseUrl, NetworkError } from "./client";

const EVENTS_PATH = "/api/events";

/** One event of a `text/event-stream`, as the HTML standard dispatches it. */
export interface StreamEvent {
  /** Its `event:` field; "message" when it had none. */
  event: string;
  /** Its `data:` lines, joined with "\n". */
  data: string;
  /** The last `id:` the stream sent, up to this event ("" before any). */
  lastEventId: string;
}

/**
 * Parses a `text/event-stream` fed as decoded text in pieces cut anywhere (mid-line, between
 * the CR and LF of a line end). Lines end with CRLF, LF or CR; an empty line dispatches the event
 * gathered so far; lines starting with ":" are comments.
 */
export class EventStreamParser {
  /** The reconnection time the stream asked for (`retry:`), in milliseconds; null until then. */
  retry: number | null = null;
  private lastEventId = "";
  private eventType = "";
  private data: string[] = [];
  /** The start of a line whose end has not arrived yet. */
  private partial = "";
  /** The last piece ended with a CR: an LF starting the next piece belongs to that line end. */
  private afterCR = false;

  /** Takes the next piece of the stream; returns the events it completed, in order. */
  push(text: string): StreamEvent[] {
    const events: StreamEvent[] = [];
    let start = 0;
    if (this.afterCR && text.length > 0) {
      this.afterCR = false;
      if (text[0] === "\n") {
        start = 1;
      }
    }
    for (let i = start; i < text.length; i++) {
      const char = text[i];
      if (char !== "\n" && char !== "\r") {
        continue;
      }
      const line = this.partial + text.slice(start, i);
      this.partial = "";
      if (char === "\r") {
        if (i + 1 === text.length) {
          this.afterCR = true;
        } else if (text[i + 1] === "\n") {
          i++;
        }
      }
      start = i + 1;
      const event = this.takeLine(line);
      if (event) {
        events.push(event);
      }
    }
    this.partial += text.slice(start);
    return events;
  }

  private takeLine(line: string): StreamEvent | null {
    if (line === "") {
      return this.dispatch();
    }
    if (line.startsWith(":")) {
      return null;
    }
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) {
      value = value.slice(1);
    }
    switch (field) {
      case "event":
        this.eventType = value;
        break;
      case "data":
        this.data.push(value);
        break;
      case "id":
        if (!value.includes("\0")) {
          this.lastEventId = value;
        }
        break;
      case "retry":
        if (/^\d+$/.test(value)) {
          this.retry = Number(value);
        }
        break;
      // Other fields are ignored, as the standard says.
    }
    return null;
  }

  private dispatch(): StreamEvent | null {
    const { eventType, data } = this;
    this.eventType = "";
    this.data = [];
    if (data.length === 0) {
      return null;
    }
    return { event: eventType || "message", data: data.join("\n"), lastEventId: this.lastEventId };
  }
}

/** How long to wait between tries to open the stream. */
export interface Reconnection {
  /** After the first failure; doubled after each further one… */
  initialMs: number;
  /** …up to this. */
  maxMs: number;
  /** With no byte for this long (the server sends a comment every 20 s), the stream is dead. */
  idleMs: number;
  /** A stream open at least this long counts as a success: the next wait starts over. */
  stableMs: number;
}

export const DEFAULT_RECONNECTION: Reconnection = {
  initialMs: 1000,
  maxMs: 30_000,
  idleMs: 45_000,
  stableMs: 10_000,
};

export interface FollowEventsOptions {
  /** Ends the stream for good, and any wait for the next try. */
  signal: AbortSignal;
  /**
   * The stream is open (its `open` event arrived). Events sent while it was not are lost: read
   * again what is followed.
   */
  onOpen?(): void;
  /** Every event but `open`, as it arrives. */
  onEvent(event: StreamEvent): void;
  /** The stream could not be opened, or it ended; it is tried again after `retryInMs`. */
  onClosed?(retryInMs: number, reason: unknown): void;
  reconnection?: Reconnection;
}

/** What one connection did, known even when it ended in an error. */
interface Connection {
  openedAt: number | null;
  /** When the server said it would end the stream (the `open` event's `expiresAt`). */
  expiresAt: number | null;
  retry: number | null;
}

/** A wait for the next try, cut short by `signal`. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** An event's `data` as a JSON object, or null when it is not one. */
export function readEventObject(data: string): Record<string, unknown> | null {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return null;
  }
  return typeof body === "object" && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : null;
}

function readExpiresAt(data: string): number | null {
  const value = readEventObject(data)?.expiresAt;
  const at = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? null : at;
}

/** Opens the stream once and reads it to its end. Throws when it cannot be opened or drops. */
async function readStream(
  options: FollowEventsOptions,
  idleMs: number,
  connection: Connection,
): Promise<void> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal.addEventListener("abort", stop, { once: true });
  let idle = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      idle = true;
      controller.abort();
    }, idleMs);
  };
  try {
    watch();
    const { response } = await api.GET(EVENTS_PATH, {
      parseAs: "stream",
      signal: controller.signal,
      cache: "no-store",
      headers: { accept: "text/event-stream" },
    });
    const url = `${apiBaseUrl}${EVENTS_PATH}`;
    if (
      !/^text\/event-stream\b/i.test(response.headers.get("content-type") ?? "") ||
      !response.body
    ) {
      await response.body?.cancel();
      throw new NetworkError(url, { cause: new TypeError("expected text/event-stream") });
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = new EventStreamParser();
    const take = (text: string) => {
      for (const event of parser.push(text)) {
        if (event.event === "open") {
          connection.openedAt = Date.now();
          connection.expiresAt = readExpiresAt(event.data);
          options.onOpen?.();
        } else {
          options.onEvent(event);
        }
      }
      connection.retry = parser.retry ?? connection.retry;
    };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        watch();
        take(decoder.decode(value, { stream: true }));
      }
      take(decoder.decode());
    } catch (error) {
      if (idle && !options.signal.aborted) {
        throw new NetworkError(url, { cause: new Error(`no data for ${idleMs} ms`) });
      }
      throw error;
    } finally {
      reader.cancel().catch(() => {});
    }
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener("abort", stop);
  }
}

/**
 * Follows the live events until `signal` aborts: opens the stream, hands over its events, and
 * opens it again whenever it cannot be opened or ends — at once when it ended at the time it
 * announced (the access token's expiry: the next try takes a fresh one), else after a wait that
 * starts at `initialMs` (or the stream's `retry:`) and doubles after each failure up to `maxMs`,
 * and is at least the `Retry-After` of a refusal (429 `TOO_MANY_STREAMS`).
 */
export async function followEvents(options: FollowEventsOptions): Promise<void> {
  const { signal } = options;
  const timing = options.reconnection ?? DEFAULT_RECONNECTION;
  let failures = 0;
  let retry: number | null = null;
  while (!signal.aborted) {
    const connection: Connection = { openedAt: null, expiresAt: null, retry };
    let reason: unknown = null;
    try {
      await readStream(options, timing.idleMs, connection);
    } catch (error) {
      reason = error;
    }
    if (signal.aborted) {
      return;
    }
    retry = connection.retry;
    const now = Date.now();
    let waitMs: number;
    const openFor = connection.openedAt === null ? -1 : now - connection.openedAt;
    const expired = connection.expiresAt !== null && now >= connection.expiresAt - 5000;
    // (After a second open at least: a stream that ends as soon as it opens makes no busy loop.)
    if (reason === null && expired && openFor >= 1000) {
      failures = 0;
      waitMs = 0;
    } else if (openFor >= timing.stableMs) {
      failures = 0;
      waitMs = retry ?? timing.initialMs;
    } else {
      failures++;
      waitMs = Math.min(timing.maxMs, timing.initialMs * 2 ** (failures - 1));
      // A little spread, so that the tabs refused together do not come back together.
      waitMs += Math.round(Math.random() * 0.1 * waitMs);
    }
    if (reason instanceof ApiError && reason.problem.retryAfter !== undefined) {
      waitMs = Math.max(waitMs, reason.problem.retryAfter * 1000);
    }
    options.onClosed?.(waitMs, reason);
    await pause(waitMs, signal);
  }
}
