/**
 * The hand-written part of the dashboard's API client: where the API lives, how a request is
 * authenticated and how an error comes back. The paths and the types of what is sent and answered
 * are generated from the committed OpenAPI specs (src/api/generated, `npm run generate:api`), and
 * calls go through openapi-fetch.
 */

import createClient from "openapi-fetch";
import type { components, paths as AccountsPaths } from "@/api/generated/auth-service";
import type { paths as FilesPaths } from "@/api/generated/metadata-service";

const DEFAULT_API_URL = "http://localhost:8080";

/**
 * Base URL of the Depot gateway, without a trailing slash. NEXT_PUBLIC_* variables are inlined
 * into the browser bundle by `next build`, so the value in effect is the one at build time.
 */
export const apiBaseUrl: string = (
  process.env.NEXT_PUBLIC_DEPOT_API_URL || DEFAULT_API_URL
).replace(/\/+$/, "");

/** One invalid field of a `VALIDATION_FAILED` problem. */
type FieldError = components["schemas"]["FieldError"];

/** The problem detail every Depot service answers with, as the accounts spec describes it. */
type Problem = components["schemas"]["Problem"];

/**
 * An RFC 9457 problem detail, with the extension members every Depot service adds: a stable
 * `code` (e.g. `RATE_LIMITED`), the `traceId`, the invalid fields of `VALIDATION_FAILED`, and for
 * 429 answers `retryAfter` (from the body or the `Retry-After` header). An error answer that is no
 * Depot problem (a proxy's, say) is read into one without a `code`.
 */
export type ProblemDetail = Omit<Problem, "code"> &
  Partial<Pick<Problem, "code">> & {
    instance?: string;
    [extension: string]: unknown;
  };

/** The API answered, with an error status. */
export class ApiError extends Error {
  readonly problem: ProblemDetail;

  constructor(problem: ProblemDetail) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = "ApiError";
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The `code` of the problem the API answered with, or undefined for any other failure. */
export function problemCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.problem.code : undefined;
}

/** The API did not answer at all (connection refused, DNS, CORS, offline), or answered nonsense. */
export class NetworkError extends Error {
  readonly url: string;

  constructor(url: string, options?: { cause?: unknown }) {
    super(`No usable answer from ${url}`, options);
    this.name = "NetworkError";
    this.url = url;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  return value
    .filter(isRecord)
    .filter((e) => typeof e.field === "string" && typeof e.message === "string")
    .map((e) => ({ field: e.field as string, message: e.message as string }));
}

/** `Retry-After` as seconds; the HTTP-date form is turned into the seconds left until then. */
function readRetryAfterHeader(response: Response): number | undefined {
  const value = response.headers.get("retry-after")?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value)) {
    return Number(value);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readProblem(response: Response): Promise<ProblemDetail> {
  const retryAfterHeader = readRetryAfterHeader(response);
  const fallback: ProblemDetail = {
    type: "about:blank",
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    retryAfter: retryAfterHeader,
  };
  const contentType = response.headers.get("content-type") ?? "";
  if (!/^application\/(problem\+)?json\b/i.test(contentType)) {
    return fallback;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fallback;
  }
  if (!isRecord(body)) {
    return fallback;
  }
  return {
    ...body,
    type: typeof body.type === "string" ? body.type : fallback.type,
    title: typeof body.title === "string" ? body.title : fallback.title,
    status: typeof body.status === "number" ? body.status : fallback.status,
    detail: typeof body.detail === "string" ? body.detail : undefined,
    code: typeof body.code === "string" ? body.code : undefined,
    traceId: typeof body.traceId === "string" ? body.traceId : undefined,
    errors: readFieldErrors(body.errors),
    retryAfter:
      typeof body.retryAfter === "number" && body.retryAfter >= 0
        ? Math.ceil(body.retryAfter)
        : retryAfterHeader,
  };
}

/**
 * Where authenticated requests get their access token. The auth session registers itself with
 * {@link setAccessTokenSource}; without one, authenticated requests fail as unauthenticated.
 */
export interface AccessTokenSource {
  /** A usable access token (renewed first when it is missing or about to expire), or null. */
  accessToken(): Promise<string | null>;
  /** The API refused `rejected` with a 401: a new token to retry with once, or null. */
  renewAfterRejection(rejected: string): Promise<string | null>;
}

let tokenSource: AccessTokenSource | null = null;

export function setAccessTokenSource(source: AccessTokenSource | null): void {
  tokenSource = source;
}

function notSignedIn(): ApiError {
  return new ApiError({
    type: "https://depot.dev/problems/unauthenticated",
    title: "Not signed in",
    status: 401,
    detail: "Sign in to continue.",
    code: "UNAUTHENTICATED",
  });
}

/**
 * Whether the API refused what an unverified account may not do: the token's `email_verified`
 * claim is as it was when the token was issued, so a fresh one may already say otherwise.
 */
async function predatesVerification(response: Response): Promise<boolean> {
  return (
    response.status === 403 && (await readProblem(response.clone())).code === "EMAIL_NOT_VERIFIED"
  );
}

/**
 * Sends `request` and returns the answer, whose status is a success. Throws {@link ApiError} for
 * an error status and {@link NetworkError} when there is no answer. With `auth`, it carries
 * `Authorization: Bearer <access token>`; on a 401, or a 403 `EMAIL_NOT_VERIFIED` (the token may
 * predate the verification), the token is renewed and the request sent again once.
 */
async function send(request: Request, auth: boolean): Promise<Response> {
  if (!request.headers.has("accept")) {
    request.headers.set("accept", "application/json, application/problem+json");
  }

  async function attempt(sending: Request, accessToken: string | null): Promise<Response> {
    if (accessToken) {
      sending.headers.set("authorization", `Bearer ${accessToken}`);
    }
    try {
      return await fetch(sending);
    } catch (cause) {
      if (sending.signal.aborted) {
        throw cause;
      }
      throw new NetworkError(sending.url, { cause });
    }
  }

  let response: Response;
  if (auth) {
    const token = tokenSource ? await tokenSource.accessToken() : null;
    if (!token || !tokenSource) {
      throw notSignedIn();
    }
    const again = request.clone();
    response = await attempt(request, token);
    if (response.status === 401 || (await predatesVerification(response))) {
      const renewed = await tokenSource.renewAfterRejection(token);
      if (renewed) {
        response = await attempt(again, renewed);
      }
    }
  } else {
    response = await attempt(request, null);
  }

  if (!response.ok) {
    throw new ApiError(await readProblem(response));
  }
  return response;
}

/** Every path of the Depot API its committed specs describe (src/api/generated). */
type Paths = AccountsPaths & FilesPaths;

/**
 * The API as the signed-in user: every call carries the access token. A call resolves to the
 * answer of a success status and throws {@link ApiError} or {@link NetworkError} otherwise; read
 * its body with {@link read}.
 */
export const api = createClient<Paths>({
  baseUrl: apiBaseUrl,
  fetch: (request) => send(request, true),
});

/** The API without a token: signing in and up, password resets, shared links. */
export const publicApi = createClient<Paths>({
  baseUrl: apiBaseUrl,
  fetch: (request) => send(request, false),
});

/**
 * The body of a call's answer: the clients throw for an error status, so an answer here is a
 * success. A body that is not the JSON it should be throws {@link NetworkError}.
 */
export async function read<T>(call: Promise<{ data?: T }>): Promise<T> {
  try {
    const { data } = await call;
    return data as T;
  } catch (error) {
    throw error instanceof SyntaxError ? new NetworkError(apiBaseUrl, { cause: error }) : error;
  }
}

/**
 * Sends a request without a token to `path` on the gateway, for what the specs do not describe
 * (the gateway's own `GET /api/status`). Throws as the API clients do.
 */
export function apiRequest(path: string, init: RequestInit = {}): Promise<Response> {
  return send(new Request(`${apiBaseUrl}${path}`, init), false);
}
