# syntax=docker/dockerfile:1
# Ballonfahrt in a container: compiled in build stages with the toolchain, run from a slim
# stage without it, as the unprivileged user `node`, with the data in the volume /data.
#
#   docker build -t ballonfahrt .
#   docker run -p 8080:8080 -v ballonfahrt-data:/data ballonfahrt
#
# No container engine runs in CI, so .ci/run runs every command of the RUN, HEALTHCHECK and CMD
# lines below itself (section "container steps"); tests/unit/deploy-files.test.ts checks that.

FROM node:24-bookworm-slim AS toolchain
# better-sqlite3 is compiled from source wherever no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./

# What the server needs at run time, nothing else (built in parallel with the next stage).
FROM toolchain AS runtime-deps
RUN npm ci --omit=dev --no-audit --no-fund

FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
ENV PORT=8080 \
    DATA_DIR=/data \
    CLIENT_DIR=/app/dist/client
WORKDIR /app
# package.json says "type": "module" for dist/server and names the scripts (npm run backup).
COPY --from=build /app/package.json ./
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/server/healthcheck.js"]
CMD ["node", "--enable-source-maps", "dist/server/index.js"]
