import { queryOptions } from "@tanstack/react-query";
import { apiBaseUrl, apiRequest, NetworkError } from "@/lib/client";

export type ServiceState = "UP" | "DOWN" | (string & {});

export interface ServiceStatus {
  name: string;
  status: ServiceState;
}

const STATUS_PATH = "/api/status";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `GET /api/status`: the gateway's view of every backend service. The gateway's own endpoint is
 * in no spec, so its answer is checked here.
 */
async function getSystemStatus(signal?: AbortSignal): Promise<ServiceStatus[]> {
  const url = `${apiBaseUrl}${STATUS_PATH}`;
  const response = await apiRequest(STATUS_PATH, { signal });
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new NetworkError(url, { cause });
  }
  if (!isRecord(body) || !Array.isArray(body.services)) {
    throw new NetworkError(url, { cause: new TypeError("expected {services: [...]}") });
  }
  return body.services
    .filter(isRecord)
    .filter(
      (s): s is Record<string, unknown> & ServiceStatus =>
        typeof s.name === "string" && typeof s.status === "string",
    )
    .map(({ name, status }) => ({ name, status }));
}

export function statusQuery() {
  return queryOptions({
    queryKey: ["system-status"],
    queryFn: ({ signal }) => getSystemStatus(signal),
  });
}
