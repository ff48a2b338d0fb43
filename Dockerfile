# syntax=docker/dockerfile:1
# The Parley service image (one image for every role; PARLEY_MODE picks embedded or cluster).
#   docker build -t parley .
#   docker run -p 8080:8080 -v parley-data:/var/lib/parley parley

# ---- builder: all dependencies, TypeScript build, then production dependencies only ----
FROM node:20-bookworm-slim AS builder
WORKDIR /app
# better-sqlite3 falls back to compiling when no prebuilt binary can be fetched.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY openapi/package.json openapi/
COPY service/package.json service/
COPY sdk/package.json sdk/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY openapi openapi
COPY proto proto
COPY service service
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: dist + production node_modules + the contract, protos and migrations ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
  PARLEY_HTTP_HOST=0.0.0.0 \
  PARLEY_HTTP_PORT=8080 \
  PARLEY_GRPC_PORT=9090 \
  PARLEY_DATA_DIR=/var/lib/parley
WORKDIR /app
COPY --from=builder /app/package.json ./
COPY --from=builder /app/node_modules node_modules
# node_modules/@parley/contract links to ../../openapi: chat.yaml is read at start.
COPY --from=builder /app/openapi/package.json /app/openapi/chat.yaml openapi/
COPY --from=builder /app/proto proto
COPY --from=builder /app/service/package.json service/
COPY --from=builder /app/service/dist service/dist
COPY --from=builder /app/service/migrations service/migrations
RUN mkdir -p /var/lib/parley && chown node:node /var/lib/parley
USER node
VOLUME ["/var/lib/parley"]
EXPOSE 8080 9090
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PARLEY_HTTP_PORT||8080)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "service/dist/main.js"]
