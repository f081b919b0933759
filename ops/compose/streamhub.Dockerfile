# The StreamHub image the compose file runs as API and worker processes.
FROM node:20-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg pocketsphinx pocketsphinx-en-us \
      apertium apertium-eng-spa && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsx scripts/build-web.ts
ENTRYPOINT ["node", "--import", "tsx", "src/main.ts"]
