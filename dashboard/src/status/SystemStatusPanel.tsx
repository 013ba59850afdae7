"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { ApiError, apiBaseUrl } from "@/lib/client";
import { statusQuery, type ServiceState, type ServiceStatus } from "./api";
import styles from "./SystemStatusPanel.module.css";

/** Shows the gateway's `GET /api/status`: one badge per backend service. */
export function SystemStatusPanel() {
  const headingId = useId();
  const status = useQuery(statusQuery());
  const checkedAt = new Date(Math.max(status.dataUpdatedAt, status.errorUpdatedAt));
  // While it checks (again), what the last check found is not shown.
  const checking = status.isFetching;

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId} className={styles.heading}>
          System status
        </h2>
        <button
          type="button"
          className={styles.button}
          onClick={() => void status.refetch()}
          disabled={checking}
        >
          Check again
        </button>
      </div>
      <p className={styles.source}>
        Reported by the gateway at <code>{apiBaseUrl}/api/status</code>
      </p>
      <div
        className={styles.body}
        aria-live="polite"
        aria-busy={checking}
        data-testid="status-region"
      >
        {checking && <p className={styles.muted}>Checking services…</p>}
        {!checking && status.status === "success" && <ServiceList services={status.data} />}
        {!checking && status.status === "error" && <Unreachable error={status.error} />}
        {!checking && <p className={styles.checked}>Checked at {checkedAt.toLocaleTimeString()}</p>}
      </div>
    </section>
  );
}

function ServiceList({ services }: { services: ServiceStatus[] }) {
  if (services.length === 0) {
    return <p className={styles.muted}>The gateway reports no services.</p>;
  }
  const notUp = services.filter((s) => s.status !== "UP").length;
  const summary =
    notUp === 0
      ? `All ${services.length} services are up.`
      : `${notUp} of ${services.length} services ${notUp === 1 ? "is" : "are"} not up.`;
  return (
    <>
      <p className={notUp === 0 ? styles.summaryOk : styles.summaryBad}>{summary}</p>
      <ul className={styles.list}>
        {services.map((service) => (
          <li key={service.name} className={styles.item}>
            <span className={styles.name}>{service.name}</span>
            <StatusBadge status={service.status} />
          </li>
        ))}
      </ul>
    </>
  );
}

function StatusBadge({ status }: { status: ServiceState }) {
  const [label, className] =
    status === "UP"
      ? ["Up", styles.up]
      : status === "DOWN"
        ? ["Down", styles.down]
        : [status.replaceAll("_", " ").toLowerCase(), styles.other];
  return <span className={`${styles.badge} ${className}`}>{label}</span>;
}

function Unreachable({ error }: { error: unknown }) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <div className={styles.alert}>
      <p className={styles.alertTitle}>API unreachable</p>
      {problem ? (
        <p className={styles.alertText}>
          The gateway answered {problem.status} {problem.title}
          {problem.detail ? `: ${problem.detail}` : "."}
        </p>
      ) : (
        <p className={styles.alertText}>
          No answer from <code>{apiBaseUrl}</code>. Is the gateway running? <code>./depot up</code>{" "}
          (local) or <code>docker compose up</code> starts it.
        </p>
      )}
      {problem?.traceId && (
        <p className={styles.alertText}>
          Trace id: <code>{problem.traceId}</code>
        </p>
      )}
    </div>
  );
}
