#!/usr/bin/env bash
# Checks the compose setup without a Docker engine:
#   1. docker-compose.yml against the Compose Specification (dclint; schema errors fail)
#   2. build contexts, Dockerfiles and bind-mounted files exist
#   3. every service: pinned image or build, healthcheck, restart policy, memory
#      limit, the depot network, depends_on conditions; Java services: exactly
#      the configuration variables of the contract; no literal secrets
#   4. only the entry points publish ports (127.0.0.1), and the edge routes nothing but the
#      signed data-plane paths around the gateway
#   5. every ${VAR} the compose file interpolates is listed in .env.example
#   6. Dockerfile syntax (dockerfile-utils lint)
#   7. nginx -t on the edge and docs configs, when nginx is installed
# Needs bash, node and npx (dclint, yaml and dockerfile-utils are fetched by npx).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

DCLINT_VERSION=3.1.0
YAML_VERSION=2.8.1
DOCKERFILE_UTILS_VERSION=0.16.3
COMPOSE_FILE=docker-compose.yml

echo "== dclint ${DCLINT_VERSION}: ${COMPOSE_FILE}"
npx --yes "dclint@${DCLINT_VERSION}" "${COMPOSE_FILE}"

echo "== compose structure and references"
COMPOSE_JSON="$(npx --yes "yaml@${YAML_VERSION}" --json --merge --single --strict < "${COMPOSE_FILE}")"
export COMPOSE_JSON COMPOSE_FILE
node - <<'JS'
const fs = require("fs");
const path = require("path");

const compose = JSON.parse(process.env.COMPOSE_JSON);
const raw = fs.readFileSync(process.env.COMPOSE_FILE, "utf8");
const errors = [];
const fail = (msg) => errors.push(msg);

// Configuration contract of the Java services: exactly these variables.
const javaEnv = {
  "gateway-service": ["SERVER_PORT", "DEPOT_REDIS_URL", "DEPOT_JWKS_URI", "DEPOT_JWT_ISSUER",
    "DEPOT_AUTH_URI", "DEPOT_METADATA_URI", "DEPOT_UPLOAD_URI", "DEPOT_DOWNLOAD_URI", "DEPOT_CORS_ORIGINS",
    "DEPOT_TRUSTED_PROXIES"],
  "auth-service": ["SERVER_PORT", "DEPOT_DB_URL", "DEPOT_DB_USER", "DEPOT_DB_PASSWORD",
    "DEPOT_KAFKA_BOOTSTRAP", "DEPOT_REDIS_URL", "DEPOT_SMTP_HOST", "DEPOT_SMTP_PORT",
    "DEPOT_JWT_ISSUER", "DEPOT_AUTH_SIGNING_KEY", "DEPOT_AUTH_PREVIOUS_SIGNING_KEYS", "DEPOT_MAIL_FROM",
    "DEPOT_DASHBOARD_URL", "DEPOT_CORS_ORIGINS"],
  "metadata-service": ["SERVER_PORT", "DEPOT_DB_URL", "DEPOT_DB_USER", "DEPOT_DB_PASSWORD",
    "DEPOT_KAFKA_BOOTSTRAP", "DEPOT_REDIS_URL", "DEPOT_JWKS_URI", "DEPOT_JWT_ISSUER",
    "DEPOT_TICKET_SECRET", "DEPOT_PUBLIC_URL", "DEPOT_DEFAULT_QUOTA", "DEPOT_ADMINS", "DEPOT_TRASH_RETENTION",
    "DEPOT_S3_ENDPOINT", "DEPOT_S3_ACCESS_KEY", "DEPOT_S3_SECRET_KEY", "DEPOT_S3_BUCKET",
    "DEPOT_S3_REGION", "DEPOT_ARCHIVE_TTL", "DEPOT_ARCHIVE_MAX_ENTRIES", "DEPOT_ARCHIVE_MAX_BYTES",
    "DEPOT_DASHBOARD_URL"],
  "upload-service": ["SERVER_PORT", "DEPOT_DB_URL", "DEPOT_DB_USER", "DEPOT_DB_PASSWORD",
    "DEPOT_KAFKA_BOOTSTRAP", "DEPOT_S3_ENDPOINT", "DEPOT_S3_ACCESS_KEY",
    "DEPOT_S3_SECRET_KEY", "DEPOT_S3_BUCKET", "DEPOT_S3_REGION", "DEPOT_TICKET_SECRET",
    "DEPOT_UPLOAD_MAX_SIZE"],
  "download-service": ["SERVER_PORT", "DEPOT_KAFKA_BOOTSTRAP", "DEPOT_S3_ENDPOINT", "DEPOT_S3_ACCESS_KEY",
    "DEPOT_S3_SECRET_KEY", "DEPOT_S3_BUCKET", "DEPOT_S3_REGION", "DEPOT_TICKET_SECRET"],
  "transcode-worker": ["SERVER_PORT", "DEPOT_KAFKA_BOOTSTRAP", "DEPOT_S3_ENDPOINT", "DEPOT_S3_ACCESS_KEY",
    "DEPOT_S3_SECRET_KEY", "DEPOT_S3_BUCKET", "DEPOT_S3_REGION"],
};

const exists = (p) => fs.existsSync(p);
const envOf = (svc) => {
  const env = svc.environment || {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => [e.split("=")[0], e.includes("=") ? e.slice(e.indexOf("=") + 1) : null]));
  }
  return env;
};

const services = compose.services || {};
// One-shot jobs: something waits for them to complete successfully.
const jobs = new Set();
for (const svc of Object.values(services)) {
  const deps = svc.depends_on || {};
  if (!Array.isArray(deps)) {
    for (const [dep, spec] of Object.entries(deps)) {
      if (spec && spec.condition === "service_completed_successfully") jobs.add(dep);
    }
  }
}

let checkedFiles = 0;
for (const [name, svc] of Object.entries(services)) {
  const where = `service ${name}`;

  // Image or build.
  if (svc.build) {
    const build = typeof svc.build === "string" ? { context: svc.build } : svc.build;
    const context = build.context || ".";
    if (!exists(context)) fail(`${where}: build context ${context} does not exist`);
    const dockerfile = path.join(context, build.dockerfile || "Dockerfile");
    if (!exists(dockerfile)) fail(`${where}: ${dockerfile} does not exist`);
    else checkedFiles++;
  } else if (!svc.image) {
    fail(`${where}: neither image nor build`);
  } else if (!/:[^/]+$/.test(svc.image) || /:latest$/.test(svc.image)) {
    fail(`${where}: image ${svc.image} has no pinned tag`);
  }

  // Bind mounts and other files the compose file points at.
  for (const v of svc.volumes || []) {
    const source = typeof v === "string" ? v.split(":")[0] : (v.type === "bind" ? v.source : null);
    if (source && /^(\.{1,2}\/|\/)/.test(source)) {
      if (!exists(source)) fail(`${where}: mounted ${source} does not exist`);
      else checkedFiles++;
    }
  }
  for (const f of [].concat(svc.env_file || [])) {
    const file = typeof f === "string" ? f : f.path;
    if (!(typeof f === "object" && f.required === false) && !exists(file)) fail(`${where}: env_file ${file} does not exist`);
  }

  // Operational settings.
  const hc = svc.healthcheck;
  if (jobs.has(name)) {
    if (svc.restart === "always" || svc.restart === "unless-stopped") fail(`${where}: a one-shot job must not restart ${svc.restart}`);
  } else {
    if (svc.restart !== "unless-stopped") fail(`${where}: restart is ${svc.restart}, want unless-stopped`);
    if (!hc || hc.disable || !hc.test) fail(`${where}: no healthcheck`);
  }
  const mem = svc.mem_limit || svc.deploy?.resources?.limits?.memory;
  if (!mem) fail(`${where}: no memory limit`);
  const nets = Array.isArray(svc.networks) ? svc.networks : Object.keys(svc.networks || {});
  if (nets.length !== 1 || nets[0] !== "depot") fail(`${where}: networks ${JSON.stringify(nets)}, want [depot]`);

  const deps = svc.depends_on || {};
  if (Array.isArray(deps)) {
    if (deps.length) fail(`${where}: depends_on must use conditions`);
  } else {
    for (const [dep, spec] of Object.entries(deps)) {
      if (!services[dep]) { fail(`${where}: depends on unknown service ${dep}`); continue; }
      const cond = spec && spec.condition;
      if (cond === "service_healthy") {
        const dhc = services[dep].healthcheck;
        if (!dhc || dhc.disable) fail(`${where}: waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
      } else if (cond !== "service_completed_successfully") {
        fail(`${where}: depends_on ${dep} has condition ${cond}`);
      }
    }
  }

  // No literal secrets: they come from .env (required, or optional with an empty default).
  for (const [key, value] of Object.entries(envOf(svc))) {
    if (/(SECRET|PASSWORD|SIGNING_KEY|ACCESS_KEY)/.test(key)
        && !/^\$\{[A-Z0-9_]+(:\?[^}]*|:-)\}$/.test(String(value))) {
      fail(`${where}: ${key} must come from .env (\${VAR:?...}, or \${VAR:-} when optional)`);
    }
  }
}

// Java services: built from the shared Dockerfile, exact variable set.
for (const [name, want] of Object.entries(javaEnv)) {
  const svc = services[name];
  if (!svc) { fail(`service ${name} is missing`); continue; }
  const build = svc.build || {};
  if (build.dockerfile !== "docker/Dockerfile" || (build.args || {}).SERVICE !== name) {
    fail(`service ${name}: must build docker/Dockerfile with args.SERVICE=${name}`);
  }
  const have = Object.keys(envOf(svc));
  const missing = want.filter((k) => !have.includes(k));
  const extra = have.filter((k) => !want.includes(k));
  if (missing.length) fail(`service ${name}: missing variables ${missing.join(", ")}`);
  if (extra.length) fail(`service ${name}: variables outside the contract ${extra.join(", ")}`);
}

// Nothing reaches a backend around the gateway's token checks, rate limits and body limits:
// only the entry points publish ports (on 127.0.0.1), and the edge sends nothing but the signed
// data-plane paths (tus uploads, download links) past the gateway.
const published = { edge: true, dashboard: true, docs: true, mailpit: true, minio: true };
for (const [name, svc] of Object.entries(services)) {
  const ports = svc.ports || [];
  if (ports.length && !published[name]) fail(`service ${name}: publishes ports ${JSON.stringify(ports)}; only the entry points may`);
  for (const port of ports) {
    const text = typeof port === "string" ? port : `${port.host_ip || ""}:${port.published}`;
    if (!text.startsWith("127.0.0.1:")) fail(`service ${name}: port ${text} is not bound to 127.0.0.1`);
  }
}
const edgeConf = fs.readFileSync("docker/nginx/edge.conf", "utf8");
const dataPlane = [/^\/api\/uploads$/, /^~ \^\/dl\//, /^\/dl\/$/, /^= \/_edge\/verify$/, /^\/_edge\/origin\/$/, /^@origin$/];
let proxied = 0;
for (const m of edgeConf.matchAll(/location\s+([^{]+?)\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)) {
  const [, where, body] = m;
  for (const pass of body.matchAll(/proxy_pass\s+https?:\/\/([A-Za-z0-9_.-]+)/g)) {
    proxied++;
    if (pass[1] !== "gateway" && !dataPlane.some((p) => p.test(where.trim()))) {
      fail(`edge.conf: location ${where.trim()} sends requests to ${pass[1]} around the gateway`);
    }
  }
}
if (proxied === 0) fail("edge.conf: no proxy_pass found (the check above would prove nothing)");

// Every interpolated variable is documented in .env.example.
const example = exists(".env.example") ? fs.readFileSync(".env.example", "utf8") : "";
const documented = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]));
const used = new Set([...raw.matchAll(/(?<!\$)\$\{([A-Z0-9_]+)/g)].map((m) => m[1]));
for (const v of used) if (!documented.has(v)) fail(`\${${v}} is not listed in .env.example`);

if (errors.length) {
  for (const e of errors) console.error(`error: ${e}`);
  process.exit(1);
}
console.log(`ok: ${Object.keys(services).length} services, ${checkedFiles} referenced files exist, ` +
  `${Object.keys(javaEnv).length} Java service environments match, ${used.size} variables documented`);
JS

echo "== Dockerfile lint"
for dockerfile in docker/Dockerfile docker/*.Dockerfile; do
  npx --yes "dockerfile-utils@${DOCKERFILE_UTILS_VERSION}" lint "${dockerfile}"
  echo "ok: ${dockerfile}"
done

echo "== nginx -t"
if ! command -v nginx >/dev/null 2>&1; then
  echo "note: nginx is not installed; skipped (apt-get install -y nginx to enable)"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "${tmp}"' EXIT
mkdir -p "${tmp}/cache"
nginx_version="$(nginx -v 2>&1 | sed 's#.*/##')"
conf_dir="$(dirname "$(nginx -V 2>&1 | tr ' ' '\n' | sed -n 's/^--conf-path=//p')")"
temp_paths="client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fastcgi; uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;"

# Container-only parts replaced: upstream host names (no Docker DNS here),
# paths, the worker user.
edge_sed=(
  -e 's/^\([[:space:]]*server[[:space:]]\+\)[A-Za-z0-9.-]\+:\([0-9]\+\)/\1127.0.0.1:\2/'
  -e "s#/var/cache/nginx/#${tmp}/cache/#"
  -e "s#/var/run/nginx.pid#${tmp}/nginx.pid#"
  -e "s#include /etc/nginx/mime.types;#include ${conf_dir}/mime.types; ${temp_paths}#"
  -e 's/^user .*;$//'
)
# "resolve" in upstream blocks needs nginx >= 1.27.3.
if [ "$(printf '%s\n' 1.27.3 "${nginx_version}" | sort -V | head -n1)" != 1.27.3 ]; then
  echo "note: local nginx ${nginx_version} < 1.27.3: testing edge.conf without the upstream 'resolve' flag"
  edge_sed+=(-e 's/[[:space:]]\+resolve;/;/')
fi
sed "${edge_sed[@]}" docker/nginx/edge.conf > "${tmp}/edge.conf"
nginx -t -q -e "${tmp}/error.log" -p "${tmp}/" -c "${tmp}/edge.conf"
echo "ok: docker/nginx/edge.conf"

cat > "${tmp}/docs-main.conf" <<EOF
pid ${tmp}/docs.pid;
events {}
http {
    include ${conf_dir}/mime.types;
    ${temp_paths}
    include $(pwd)/docker/nginx/docs.conf;
}
EOF
nginx -t -q -e "${tmp}/error.log" -p "${tmp}/" -c "${tmp}/docs-main.conf"
echo "ok: docker/nginx/docs.conf"
