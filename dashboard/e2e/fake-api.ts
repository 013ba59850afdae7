import type { Route } from "@playwright/test";

/** The dashboard (localhost:3107) calls the gateway on another origin, so answers need CORS. */
export const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, content-type, accept, x-depot-session",
  "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
};

/** CORS for a request that may carry cookies: the gateway names the origin and allows them. */
function corsFor(origin: string | undefined): Record<string, string> {
  return origin
    ? {
        ...cors,
        "access-control-allow-origin": origin,
        "access-control-allow-credentials": "true",
        vary: "Origin",
      }
    : cors;
}

export interface Call {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
  /** The bearer token the call carried, if any. */
  token: string | null;
  /** The cookies the call carried, by name. */
  cookies: Record<string, string>;
  /** Whether it asked for the session cookie (`X-Depot-Session: cookie`). */
  sessionCookie: boolean;
  /** The status it was answered with. */
  status?: number;
}

/** An answer: `json` is sent as JSON, or as CSV when it is a string. */
export interface Reply {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

type Method = "get" | "post" | "put" | "patch" | "delete";

/** The JSON body of a success answer (200, 201 or 202) of an operation of a generated spec. */
type SuccessBody<Operation> = Operation extends { responses: infer Responses }
  ? {
      [Status in keyof Responses]: Status extends 200 | 201 | 202
        ? Responses[Status] extends { content: infer Content }
          ? Content[keyof Content]
          : never
        : never;
    }[keyof Responses]
  : never;

/**
 * The success answers of a fake of the API whose generated paths (src/api/generated) are
 * `Paths`: `ok(method, path, json)` answers `json`, which must be what the spec says that
 * operation answers.
 */
export function answers<Paths>() {
  return function ok<P extends keyof Paths, M extends Method & keyof Paths[P]>(
    method: M,
    path: P,
    json: SuccessBody<Paths[P][M]>,
    status = 200,
  ): Reply {
    return { status, json };
  };
}

/** An RFC 9457 answer as Depot's services write it. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Reply {
  return {
    status,
    json: {
      type: `https://depot.dev/problems/${code.toLowerCase().replaceAll("_", "-")}`,
      title: code
        .split("_")
        .map((w, i) => (i === 0 ? w[0] + w.slice(1).toLowerCase() : w.toLowerCase()))
        .join(" "),
      status,
      detail,
      code,
      traceId: "0af7651916cd43dd8448eb211c80319c",
      ...extra,
    },
  };
}

/**
 * A stand-in for a Depot service behind the gateway, answering the routes it is installed on:
 * it records every call and answers it with `answer`, unless `on()` replaced the endpoint's answer.
 */
export abstract class FakeApi {
  readonly calls: Call[] = [];
  private readonly overrides = new Map<string, (call: Call) => Reply | undefined>();

  /** Answers `"METHOD /path"` with `handler`; returning undefined falls back to the default. */
  on(endpoint: string, handler: (call: Call) => Reply | undefined): this {
    this.overrides.set(endpoint, handler);
    return this;
  }

  callsTo(endpoint: string): Call[] {
    return this.calls.filter((c) => `${c.method} ${c.path}` === endpoint);
  }

  /** The service's own answer to `call`. */
  protected abstract answer(call: Call): Reply;

  /** The answer to `call`: the one `on()` set for its endpoint, or the service's own. */
  protected reply(call: Call): Reply {
    return this.overrides.get(`${call.method} ${call.path}`)?.(call) ?? this.answer(call);
  }

  protected async handle(route: Route): Promise<void> {
    const request = route.request();
    const headers = await request.allHeaders();
    if (request.method() === "OPTIONS") {
      await route.fulfill({ status: 204, headers: corsFor(headers.origin) });
      return;
    }
    let body: Record<string, unknown> | null = null;
    try {
      body = request.postDataJSON() as Record<string, unknown> | null;
    } catch {
      body = null;
    }
    const url = new URL(request.url());
    const call: Call = {
      method: request.method(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      token: headers.authorization?.replace(/^Bearer /, "") ?? null,
      cookies: Object.fromEntries(
        (headers.cookie ?? "")
          .split(/;\s*/)
          .filter((pair) => pair.includes("="))
          .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
      ),
      sessionCookie: headers["x-depot-session"] === "cookie",
    };
    this.calls.push(call);
    const reply = this.reply(call);
    call.status = reply.status;
    const text = typeof reply.json === "string";
    const contentType =
      reply.status >= 400 ? "application/problem+json" : text ? "text/csv" : "application/json";
    await route.fulfill({
      status: reply.status,
      headers: {
        ...corsFor(headers.origin),
        ...(reply.json === undefined ? {} : { "content-type": contentType }),
        ...reply.headers,
      },
      body: reply.json === undefined ? "" : text ? String(reply.json) : JSON.stringify(reply.json),
    });
  }
}
