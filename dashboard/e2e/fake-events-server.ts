import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import type { ArchiveChange } from "@/archive/api";
import { cors, problem, type Reply } from "./fake-api";
import type { FakeAuthApi } from "./fake-auth-api";
import type { FakeFilesApi } from "./fake-files-api";

/** One `GET /api/events` the browser made. */
export interface EventStreamCall {
  /** The bearer token it carried, if any. */
  token: string | null;
  accept: string | null;
  /** The status it was answered with. */
  status: number;
  /** When it was answered (`Date.now()`). */
  at: number;
  /** How many calls the files API had recorded when the stream's `open` event was sent. */
  filesCallsAtOpen: number | null;
  /** When it ended, by either side (`Date.now()`); null while it is open. */
  endedAt: number | null;
}

interface OpenStream {
  call: EventStreamCall;
  response: ServerResponse;
}

const headers = {
  ...cors,
  // The gateway exposes every header: the dashboard reads Retry-After on a 429.
  "access-control-expose-headers": "retry-after",
};

/**
 * A stand-in for the live events of metadata-service behind the gateway (`GET /api/events`): a
 * real HTTP server on the loopback, since an answer given with `route.fulfill` cannot stream. The
 * page's requests for `/api/events` are continued to it with `page.route`. It accepts the access
 * tokens `auth` issued, opens a stream as the real one does (`retry`, then `open` with the time it
 * ends by itself), sends an `archive` or `file` event for every change the files API reports,
 * and records every call. Tests refuse streams, drop them and write raw bytes into them.
 */
export class FakeEventsServer {
  readonly calls: EventStreamCall[] = [];
  /** How long a stream lasts before it ends by itself (the `open` event's `expiresAt`). */
  lifetimeMs = 15 * 60_000;
  /** How often a `: keep-alive` comment is sent. */
  keepAliveMs = 20_000;
  private readonly streams = new Set<OpenStream>();
  private refusal: { reply: Reply; left: number } | null = null;
  private server: Server | null = null;

  constructor(
    private readonly auth: FakeAuthApi,
    private readonly files: FakeFilesApi,
  ) {}

  async install(page: Page): Promise<void> {
    const server = createServer((request, response) => this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    page.once("close", () => this.close());
    await page.route(
      (url) => url.pathname === "/api/events",
      (route) => route.continue({ url: `http://127.0.0.1:${port}/api/events` }),
    );
    this.files.onArchiveChange = (change) => this.sendArchive(change);
    this.files.onFileChange = (change) => this.send("file", change, change.id);
  }

  /** The streams open now, oldest first. */
  get open(): EventStreamCall[] {
    return [...this.streams].map((stream) => stream.call);
  }

  /** The calls answered with a stream. */
  get opened(): EventStreamCall[] {
    return this.calls.filter((call) => call.status === 200);
  }

  /** Answers the next `times` calls with `reply` (a problem) instead of a stream. */
  refuse(reply: Reply, times = Infinity): void {
    this.refusal = { reply, left: times };
  }

  /** Opens streams again after {@link refuse}. */
  accept(): void {
    this.refusal = null;
  }

  /** Sends an event to every open stream. */
  send(event: string, data: unknown, id?: string): void {
    this.write(`event: ${event}\n${id ? `id: ${id}\n` : ""}data: ${JSON.stringify(data)}\n\n`);
  }

  sendArchive(change: ArchiveChange): void {
    this.send("archive", change, change.id);
  }

  /** Writes `pieces` to every open stream as they are, one network write each, `pauseMs` apart. */
  async writeRaw(pieces: (string | Buffer)[], pauseMs = 100): Promise<void> {
    for (const piece of pieces) {
      this.write(piece);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }

  /** Cuts every open stream off mid-way, as a broken connection would. */
  drop(): void {
    for (const stream of this.streams) {
      stream.response.destroy();
    }
  }

  private write(chunk: string | Buffer): void {
    for (const stream of this.streams) {
      stream.response.write(chunk);
    }
  }

  private close(): void {
    this.files.onArchiveChange = null;
    this.files.onFileChange = null;
    this.server?.closeAllConnections();
    this.server?.close();
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    if (request.method === "OPTIONS") {
      response.writeHead(204, headers).end();
      return;
    }
    const token = request.headers.authorization?.replace(/^Bearer /, "") ?? null;
    const call: EventStreamCall = {
      token,
      accept: request.headers.accept ?? null,
      status: 0,
      at: Date.now(),
      filesCallsAtOpen: null,
      endedAt: null,
    };
    this.calls.push(call);

    let refused: Reply | null = null;
    if (request.method !== "GET") {
      refused = problem(405, "METHOD_NOT_ALLOWED", `${request.method} is not supported here.`);
    } else if (token === null || !this.auth.accessTokens.has(token)) {
      refused = problem(401, "UNAUTHENTICATED", "The access token is not valid.");
    } else if (this.refusal && this.refusal.left > 0) {
      this.refusal.left--;
      refused = this.refusal.reply;
    }
    if (refused) {
      call.status = refused.status;
      call.endedAt = call.at;
      response
        .writeHead(refused.status, {
          ...headers,
          "content-type": "application/problem+json",
          ...refused.headers,
        })
        .end(JSON.stringify(refused.json));
      return;
    }

    call.status = 200;
    response.writeHead(200, {
      ...headers,
      "content-type": "text/event-stream",
      "cache-control": "no-store",
    });
    const stream: OpenStream = { call, response };
    this.streams.add(stream);
    const expiresAt = new Date(Date.now() + this.lifetimeMs).toISOString();
    call.filesCallsAtOpen = this.files.calls.length;
    response.write(`retry: 3000\n\nevent: open\ndata: ${JSON.stringify({ expiresAt })}\n\n`);
    const keepAlive = setInterval(() => response.write(": keep-alive\n\n"), this.keepAliveMs);
    const expiry = setTimeout(() => response.end(), this.lifetimeMs);
    response.on("close", () => {
      clearInterval(keepAlive);
      clearTimeout(expiry);
      call.endedAt = Date.now();
      this.streams.delete(stream);
    });
  }
}
