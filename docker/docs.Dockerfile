# syntax=docker/dockerfile:1
# Docusaurus site built to static files, served by nginx on port 80.
#   docker build -f docker/docs.Dockerfile .

FROM node:20.19.5-bookworm-slim AS build
WORKDIR /repo/docs-site
COPY docs-site/package.json docs-site/package-lock.json ./
RUN npm ci --no-audit --no-fund
# The whole context, as the site may read files outside docs-site (e.g. openapi/).
COPY . /repo/
RUN npm run build

FROM nginx:1.27.5-alpine AS runtime
COPY docker/nginx/docs.conf /etc/nginx/conf.d/default.conf
COPY --from=build /repo/docs-site/build/ /usr/share/nginx/html/
EXPOSE 80
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1/ || exit 1
