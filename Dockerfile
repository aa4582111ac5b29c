# syntax=docker/dockerfile:1
# anshin: multi-stage build on Node 22 LTS, runs as a non-root user.

FROM node:22-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 and sharp ship prebuilt binaries for this platform; build tools are a fallback only.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY prompts ./prompts
COPY knowledge ./knowledge
# Compile the CLI and parse the knowledge YAML now, while the image can still be written: at run time the
# `node` user reads both caches (node_modules/.cache/anshin) and never compiles or parses YAML at start.
RUN node bin/anshin.mjs check "build-time warm-up" > /dev/null \
 && mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Readiness, not liveness alone: /readyz answers 200 only while the store answers and the server is not
# shutting down (src/app.ts).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "bin/anshin.mjs"]
CMD ["serve"]
