# syntax=docker/dockerfile:1
# The CRM API. Build: docker build -t dealer-crm .   Run with its stores: docker compose up
# NODE_VERSION picks the Node LTS of both stages (22 or 24): better-sqlite3's native module is compiled
# in the first and must run on the same Node in the second.   docker build --build-arg NODE_VERSION=24 .
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
# better-sqlite3 (the embedded default store) compiles its native module when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
# Build with the dev tools, then drop them so the runtime image carries production modules only.
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# DATA_DIR holds the SQLite files when no EVENTSTORE_URL/MONGODB_URL is set, and the generated secrets:
# a volume, so they outlive the container. Made and owned first, so a new volume inherits the owner.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# Unhealthy when a store is down, a projection or reactor failed on an event, or one has retried a store
# for longer than HEALTH_RETRYING_LIMIT_MS (default 120000): /health itself answers 200 "degraded" then.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=5 \
  CMD ["node", "dist/infrastructure/health/container-healthcheck.js"]
CMD ["node", "dist/main.js"]
