/**
 * The hand-written part of the dashboard's API client: where the API lives, how a request is made
 * and how an error comes back. Endpoint types will be generated from the committed OpenAPI specs.
 */

const DEFAULT_API_URL = "http://localhost:8080";

/**
 * Base URL of the Depot gateway, without a trailing slash. NEXT_PUBLIC_* variables are inlined
 * into the browser bundle by `next build`, so the value in effect is the one at build time.
 */
export const apiBaseUrl: string = (
  process.env.NEXT_PUBLIC_DEPOT_API_URL || DEFAULT_API_URL
).replace(/\/+$/, "");

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

async function readProblem(response: Response): Promise<ProblemDetail> {
  const fallback: ProblemDetail = {
    type: "about:blank",
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
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
  };
}

/**
 * GET/POST/... `path` on the gateway and return the parsed JSON body.
 * Throws {@link ApiError} for an error status and {@link NetworkError} when there is no answer.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const url = `${apiBaseUrl}${path.startsWith("/") ? path : `/${path}`}`;
  const headers = new Headers(init.headers);
  if (!headers.has("accept")) {
    headers.set("accept", "application/json, application/problem+json");
  }

  let response: Response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch (cause) {
    if (init.signal?.aborted) {
      throw cause;
    }
    throw new NetworkError(url, { cause });
  }

  if (!response.ok) {
    throw new ApiError(await readProblem(response));
  }
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new NetworkError(url, { cause });
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
