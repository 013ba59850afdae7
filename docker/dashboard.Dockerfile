# syntax=docker/dockerfile:1
# Next.js dashboard, standalone output (next.config: output: 'standalone').
#   docker build -f docker/dashboard.Dockerfile --build-arg NEXT_PUBLIC_DEPOT_API_URL=http://localhost:8088 .

ARG NODE_IMAGE=node:20.19.5-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY dashboard/package.json dashboard/package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# NEXT_PUBLIC_* values are inlined into the bundle at build time.
ARG NEXT_PUBLIC_DEPOT_API_URL=http://localhost:8088
ENV NEXT_PUBLIC_DEPOT_API_URL=${NEXT_PUBLIC_DEPOT_API_URL} \
    NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY dashboard/ ./
RUN npm run build \
 && mkdir -p public \
 && if [ ! -f .next/standalone/server.js ]; then \
      echo ".next/standalone/server.js missing: set output: 'standalone' in next.config" >&2; exit 1; \
    fi

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# The server writes its cache under .next, so the app user owns the files.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/').then(r => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
