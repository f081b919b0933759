/**
 * Draws the web app's icons (web/public/icons/*.png): a red rounded "screen" with a white play
 * triangle on the dark background, the theme colour. Pure Node (zlib for the PNG), no image tools:
 * `npx tsx scripts/make-app-icons.ts` rewrites them; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT_DIR = new URL('../web/public/icons/', import.meta.url).pathname;
const BACKGROUND = [0x0f, 0x0f, 0x10];
const ACCENT = [0xe5, 0x48, 0x4d];
const WHITE = [0xff, 0xff, 0xff];
/** Samples per pixel side: edges are anti-aliased by averaging SUPERSAMPLE² points. */
const SUPERSAMPLE = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size: number, rgb: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // truecolour RGB
  const rows = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 3 + 1)] = 0; // no filter
    Buffer.from(rgb.buffer, y * size * 3, size * 3).copy(rows, y * (size * 3 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `scale` < 1 keeps the drawing inside the safe zone of maskable icons (Android crops them to a circle). */
function drawIcon(size: number, scale: number): Buffer {
  const half = 0.5;
  const screenW = 0.62 * scale;
  const screenH = 0.44 * scale;
  const radius = 0.07 * scale;
  const inScreen = (x: number, y: number) => {
    const dx = Math.max(Math.abs(x - half) - (screenW / 2 - radius), 0);
    const dy = Math.max(Math.abs(y - half) - (screenH / 2 - radius), 0);
    return (
      Math.abs(x - half) <= screenW / 2 && Math.abs(y - half) <= screenH / 2 && dx * dx + dy * dy <= radius * radius
    );
  };
  const left = half - 0.08 * scale;
  const right = half + 0.12 * scale;
  const tall = 0.12 * scale;
  const inTriangle = (x: number, y: number) =>
    x >= left && x <= right && Math.abs(y - half) <= tall * (1 - (x - left) / (right - left));
  const rgb = new Uint8Array(size * size * 3);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          const colour = inTriangle(x, y) ? WHITE : inScreen(x, y) ? ACCENT : BACKGROUND;
          for (let c = 0; c < 3; c += 1) sum[c]! += colour[c]!;
        }
      }
      for (let c = 0; c < 3; c += 1) rgb[(py * size + px) * 3 + c] = Math.round(sum[c]! / SUPERSAMPLE ** 2);
    }
  }
  return encodePng(size, rgb);
}

mkdirSync(OUT_DIR, { recursive: true });
const icons: [string, number, number][] = [
  ['icon-192.png', 192, 1],
  ['icon-512.png', 512, 1],
  ['maskable-512.png', 512, 0.75],
  ['apple-touch-icon.png', 180, 1],
  ['favicon-48.png', 48, 1],
];
for (const [name, size, scale] of icons) {
  const png = drawIcon(size, scale);
  writeFileSync(`${OUT_DIR}${name}`, png);
  console.log(`${name}: ${size}×${size}, ${png.length} bytes`);
}
