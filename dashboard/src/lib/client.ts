/**
 * The hand-written part of the dashboard's API client: where the API lives, how a request is made,
 * how it is authenticated and how an error comes back. Endpoint types will be generated from the
 * committed OpenAPI specs.
 */

const DEFAULT_API_URL = "http://localhost:8080";

/**
 * Base URL of the Depot gateway, without a trailing slash. NEXT_PUBLIC_* variables are inlined
 * into the browser bundle by `next build`, so the value in effect is the one at build time.
 */
export const apiBaseUrl: string = (
  process.env.NEXT_PUBLIC_DEPOT_API_URL || DEFAULT_API_URL
).replace(/\/+$/, "");

/** One invalid field of a `VALIDATION_FAILED` problem. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem detail, with the extension members every Depot service adds. */
export interface ProblemDetail {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable machine-readable error code, e.g. `RATE_LIMITED`. */
  code?: string;
  traceId?: string;
  /** The invalid fields, for code `VALIDATION_FAILED`. */
  errors?: FieldError[];
  /** Seconds to wait before trying again (429 answers), from the body or the `Retry-After` header. */
  retryAfter?: number;
  [extension: string]: unknown;
}

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

export interface ApiRequestInit extends RequestInit {
  /**
   * Send `Authorization: Bearer <access token>`; on a 401, or a 403 `EMAIL_NOT_VERIFIED` (the
   * token may predate the verification), renew the token and retry once.
   */
  auth?: boolean;
  /** A JSON request body (sets `Content-Type: application/json`). */
  json?: unknown;
}

function apiUrl(path: string): string {
  return `${apiBaseUrl}${path.startsWith("/") ? path : `/${path}`}`;
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
 * Sends a request to `path` on the gateway and returns the answer, whose status is a success.
 * Throws {@link ApiError} for an error status and {@link NetworkError} when there is no answer.
 * For bodies that are not JSON (a CSV export, for instance); {@link apiFetch} reads JSON.
 */
export async function apiRequest(path: string, init: ApiRequestInit = {}): Promise<Response> {
  const { auth = false, json, ...requestInit } = init;
  const url = apiUrl(path);
  const headers = new Headers(requestInit.headers);
  if (!headers.has("accept")) {
    headers.set("accept", "application/json, application/problem+json");
  }
  if (json !== undefined) {
    headers.set("content-type", "application/json");
    requestInit.body = JSON.stringify(json);
  }

  async function send(accessToken: string | null): Promise<Response> {
    if (accessToken) {
      headers.set("authorization", `Bearer ${accessToken}`);
    }
    try {
      return await fetch(url, { ...requestInit, headers });
    } catch (cause) {
      if (requestInit.signal?.aborted) {
        throw cause;
      }
      throw new NetworkError(url, { cause });
    }
  }

  let response: Response;
  if (auth) {
    const token = tokenSource ? await tokenSource.accessToken() : null;
    if (!token || !tokenSource) {
      throw notSignedIn();
    }
    response = await send(token);
    if (response.status === 401 || (await predatesVerification(response))) {
      const renewed = await tokenSource.renewAfterRejection(token);
      if (renewed) {
        response = await send(renewed);
      }
    }
  } else {
    response = await send(null);
  }

  if (!response.ok) {
    throw new ApiError(await readProblem(response));
  }
  return response;
}

/**
 * GET/POST/... `path` on the gateway and return the parsed JSON body (`undefined` for an empty
 * body, as in 202 and 204 answers). Throws {@link ApiError} for an error status and
 * {@link NetworkError} when there is no answer.
 */
export async function apiFetch<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
  const response = await apiRequest(path, init);
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new NetworkError(apiUrl(path), { cause });
  }
  if (text.trim() === "") {
    return undefined as T;
  }
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new NetworkError(apiUrl(path), { cause });
  }
}

export type ServiceState = "UP" | "DOWN" | (string & {});

export interface ServiceStatus {
  name: string;
  status: ServiceState;
}

export interface SystemStatus {
  services: ServiceStatus[];
}

/** `GET /api/status`: the gateway's view of every backend service. */
export async function getSystemStatus(signal?: AbortSignal): Promise<SystemStatus> {
  const body = await apiFetch<unknown>("/api/status", { signal });
  if (!isRecord(body) || !Array.isArray(body.services)) {
    throw new NetworkError(`${apiBaseUrl}/api/status`, {
      cause: new TypeError("expected {services: [...]}"),
    });
  }
  const services = body.services
    .filter(isRecord)
    .filter(
      (s): s is Record<string, unknown> & ServiceStatus =>
        typeof s.name === "string" && typeof s.status === "string",
    )
    .map(({ name, status }) => ({ name, status }));
  return { services };
}
