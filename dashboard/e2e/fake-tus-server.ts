import type { Page, Route } from "@playwright/test";
import { problem, type Reply } from "./fake-api";
import { UPLOAD_ORIGIN, type FakeFilesApi } from "./fake-files-api";

/** The dashboard calls the upload service on another origin: tus needs these CORS headers. */
const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, HEAD, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers":
    "tus-resumable, upload-length, upload-metadata, upload-offset, content-type, x-request-id",
  "access-control-expose-headers": "location, upload-offset, upload-length, tus-resumable",
};

export interface TusCall {
  method: string;
  path: string;
  /** Request headers, with lower-case names. */
  headers: Record<string, string>;
  /** The decoded `Upload-Metadata` of a creation. */
  metadata?: Record<string, string>;
  /** How many bytes of a PATCH were stored. */
  stored?: number;
  status?: number;
}

interface FakeUpload {
  id: string;
  ticket: string;
  length: number;
  offset: number;
  chunks: Buffer[];
  terminated: boolean;
}

function decodeMetadata(header: string | undefined): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const pair of (header ?? "").split(",")) {
    const [key, value = ""] = pair.trim().split(" ");
    if (key) {
      metadata[key] = Buffer.from(value, "base64").toString("utf8");
    }
  }
  return metadata;
}

/**
 * A small tus 1.0.0 server standing in for upload-service, installed with `page.route`: creation
 * (POST, checked against the tickets the fake files API handed out), HEAD, PATCH and termination
 * (DELETE). It keeps the bytes it stored, tells the files API when an upload is complete, and
 * records every request. Errors are problem documents, as upload-service writes them.
 */
export class FakeTusServer {
  readonly calls: TusCall[] = [];
  readonly uploads = new Map<string, FakeUpload>();
  private readonly nextAnswers = new Map<string, Reply[]>();
  private readonly partial: number[] = [];
  private gate: {
    fromOffset: number;
    opened: Promise<boolean>;
    open: (store: boolean) => void;
  } | null = null;
  private heldNow = 0;
  private issued = 0;

  constructor(private readonly files: FakeFilesApi) {}

  async install(page: Page): Promise<void> {
    await page.route(
      (url) => url.origin === UPLOAD_ORIGIN && url.pathname.startsWith("/api/uploads"),
      (route) => this.handle(route),
    );
  }

  /** Answers the next request of `method` with `reply` instead of doing it. */
  answerNext(method: "POST" | "HEAD" | "PATCH" | "DELETE", reply: Reply): this {
    this.nextAnswers.set(method, [...(this.nextAnswers.get(method) ?? []), reply]);
    return this;
  }

  /** Stores at most `bytes` of the next PATCH (a server may take part of a request). */
  takeAtMostNext(bytes: number): this {
    this.partial.push(bytes);
    return this;
  }

  /**
   * Holds every PATCH (from `fromOffset` on) until {@link release}, as a slow connection would.
   */
  hold({ fromOffset = 0 }: { fromOffset?: number } = {}): void {
    let open: (store: boolean) => void = () => {};
    const opened = new Promise<boolean>((resolve) => {
      open = resolve;
    });
    this.gate = { fromOffset, opened, open };
  }

  /** Answers the held PATCH requests: storing their bytes, or as if they had been cut off. */
  release({ store = true }: { store?: boolean } = {}): void {
    const gate = this.gate;
    this.gate = null;
    gate?.open(store);
  }

  /** How many PATCH requests are held now. */
  get held(): number {
    return this.heldNow;
  }

  callsTo(method: string): TusCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The bytes stored for the upload created for `ticket`. */
  received(ticket: string): Buffer {
    const upload = [...this.uploads.values()].find((u) => u.ticket === ticket);
    return Buffer.concat(upload?.chunks ?? []);
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    if (request.method() === "OPTIONS") {
      await route.fulfill({ status: 204, headers: cors });
      return;
    }
    const url = new URL(request.url());
    const call: TusCall = {
      method: request.method(),
      path: url.pathname,
      headers: await request.allHeaders(),
    };
    this.calls.push(call);
    const reply = await this.answer(call, request.postDataBuffer());
    call.status = reply.status;
    const body = reply.json === undefined ? "" : JSON.stringify(reply.json);
    await route
      .fulfill({
        status: reply.status,
        headers: {
          ...cors,
          "tus-resumable": "1.0.0",
          ...(body ? { "content-type": "application/problem+json" } : {}),
          ...reply.headers,
        },
        body,
      })
      // The browser may have given up on the request meanwhile (pause, cancel, reload).
      .catch(() => {});
  }

  private async answer(call: TusCall, body: Buffer | null): Promise<Reply> {
    if (call.headers["tus-resumable"] !== "1.0.0") {
      return problem(412, "TUS_VERSION_UNSUPPORTED", "Tus-Resumable: 1.0.0 is required.");
    }
    const next = this.nextAnswers.get(call.method)?.shift();
    if (next) {
      return next;
    }
    if (call.method === "POST" && call.path === "/api/uploads") {
      return this.create(call);
    }
    const id = /^\/api\/uploads\/([^/]+)$/.exec(call.path)?.[1];
    const upload = id ? this.uploads.get(id) : undefined;
    if (!upload) {
      return problem(404, "UPLOAD_NOT_FOUND", "There is no upload at this address.");
    }
    if (upload.terminated) {
      return problem(410, "UPLOAD_GONE", "This upload expired or was terminated.");
    }
    switch (call.method) {
      case "HEAD":
        return {
          status: 200,
          headers: {
            "upload-offset": String(upload.offset),
            "upload-length": String(upload.length),
            "cache-control": "no-store",
          },
        };
      case "PATCH":
        return this.patch(call, upload, body ?? Buffer.alloc(0));
      case "DELETE":
        upload.terminated = true;
        this.files.abandonUpload(upload.ticket);
        return { status: 204 };
      default:
        return problem(405, "METHOD_NOT_ALLOWED", `${call.method} is not supported here.`);
    }
  }

  private create(call: TusCall): Reply {
    const metadata = decodeMetadata(call.headers["upload-metadata"]);
    call.metadata = metadata;
    if (!metadata.ticket) {
      return problem(401, "TICKET_REQUIRED", "Upload-Metadata must carry the ticket.");
    }
    const pending = this.files.pendingUploads.get(metadata.ticket);
    if (!pending) {
      return problem(403, "TICKET_INVALID", "This upload ticket is not valid.");
    }
    const length = Number(call.headers["upload-length"]);
    if (!Number.isInteger(length) || length < 0) {
      return problem(400, "INVALID_UPLOAD_HEADER", "Upload-Length must be a number.");
    }
    if (length > pending.size) {
      return problem(
        413,
        "UPLOAD_TOO_LARGE",
        `The upload is larger than the ${pending.size} bytes reserved for it.`,
      );
    }
    if ([...this.uploads.values()].some((u) => u.ticket === metadata.ticket && !u.terminated)) {
      return problem(409, "UPLOAD_EXISTS", "An upload was already created with this ticket.");
    }
    const id = `u${++this.issued}`;
    this.uploads.set(id, {
      id,
      ticket: metadata.ticket,
      length,
      offset: 0,
      chunks: [],
      terminated: false,
    });
    if (length === 0) {
      this.files.completeUpload(metadata.ticket);
    }
    // Relative, as upload-service answers: tus-js-client resolves it against the endpoint.
    return { status: 201, headers: { location: `/api/uploads/${id}` } };
  }

  private async patch(call: TusCall, upload: FakeUpload, body: Buffer): Promise<Reply> {
    if (call.headers["content-type"] !== "application/offset+octet-stream") {
      return problem(415, "UPLOAD_CONTENT_TYPE", "PATCH bodies are offset octet streams.");
    }
    const offset = Number(call.headers["upload-offset"]);
    if (offset !== upload.offset) {
      return problem(409, "UPLOAD_OFFSET_MISMATCH", `The upload is at ${upload.offset}.`, {
        expectedOffset: upload.offset,
      });
    }
    if (this.gate && offset >= this.gate.fromOffset) {
      this.heldNow++;
      const store = await this.gate.opened;
      this.heldNow--;
      if (!store) {
        return problem(400, "UPLOAD_INTERRUPTED", "The request was cut off.");
      }
    }
    const taken = body.subarray(0, Math.min(body.length, this.partial.shift() ?? Infinity));
    upload.chunks.push(Buffer.from(taken));
    upload.offset += taken.length;
    call.stored = taken.length;
    if (upload.offset === upload.length) {
      this.files.completeUpload(upload.ticket);
    }
    return { status: 204, headers: { "upload-offset": String(upload.offset) } };
  }
}
