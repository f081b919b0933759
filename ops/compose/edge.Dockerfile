# The media edge cache: Debian's nginx with the cache purge module (the same as scripts/cluster.sh).
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends nginx libnginx-mod-http-cache-purge \
      && rm -rf /var/lib/apt/lists/*
