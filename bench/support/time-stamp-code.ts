/**
 * A wall-clock time burned into a video picture as a block code a benchmark can read back from pixels
 * (no OCR): 48 square cells, black or white, in two rows near the top left of a grey frame. The first
 * 42 bits are the epoch milliseconds (good until 2109), the last 6 a checksum (the sum of the seven
 * 6-bit groups, modulo 64), so a frame caught half-decoded or smeared by the encoder is rejected, not
 * read as a wrong time. Cells are 24 px, larger than H.264's 16 px macroblocks, and read at their centre.
 */
export const STAMP = { x: 32, y: 24, cell: 24, columns: 24, rows: 2 } as const;
const TIME_BITS = 42;
const CHECK_BITS = 6;
export const STAMP_BITS = TIME_BITS + CHECK_BITS;

function checksum(value: number): number {
  let sum = 0;
  for (let rest = value; rest > 0; rest = Math.floor(rest / 64)) sum += rest % 64;
  return sum % 64;
}

/** The code's bits, most significant first: time, then checksum. */
export function stampBits(epochMs: number): number[] {
  const bits: number[] = [];
  const value = Math.floor(epochMs);
  for (let bit = TIME_BITS - 1; bit >= 0; bit -= 1) bits.push(Math.floor(value / 2 ** bit) % 2);
  const check = checksum(value);
  for (let bit = CHECK_BITS - 1; bit >= 0; bit -= 1) bits.push((check >> bit) & 1);
  return bits;
}

/** The time a code's bits hold, or undefined when the checksum does not match. */
export function readStampBits(bits: readonly number[]): number | undefined {
  if (bits.length !== STAMP_BITS) return undefined;
  let value = 0;
  for (let index = 0; index < TIME_BITS; index += 1) value = value * 2 + bits[index]!;
  let check = 0;
  for (let index = TIME_BITS; index < STAMP_BITS; index += 1) check = check * 2 + bits[index]!;
  return checksum(value) === check ? value : undefined;
}

/** Paints `epochMs` into an 8-bit grey frame (one byte a pixel, rows of `width`). */
export function paintStamp(frame: Buffer, width: number, epochMs: number): void {
  stampBits(epochMs).forEach((bit, index) => {
    const left = STAMP.x + (index % STAMP.columns) * STAMP.cell;
    const top = STAMP.y + Math.floor(index / STAMP.columns) * STAMP.cell;
    for (let row = top; row < top + STAMP.cell; row += 1) {
      frame.fill(bit ? 255 : 0, row * width + left, row * width + left + STAMP.cell);
    }
  });
}

/** Each cell's centre, where a reader samples its brightness (in the order of the bits). */
export function stampCellCentres(): Array<{ x: number; y: number }> {
  return Array.from({ length: STAMP_BITS }, (_, index) => ({
    x: STAMP.x + (index % STAMP.columns) * STAMP.cell + STAMP.cell / 2,
    y: STAMP.y + Math.floor(index / STAMP.columns) * STAMP.cell + STAMP.cell / 2,
  }));
}

/** The time from each cell's mean brightness (0–255), or undefined when it does not read cleanly. */
export function readStamp(brightness: readonly number[]): number | undefined {
  // Compression leaves black and white cells far apart; anything near the middle is a smeared frame.
  if (brightness.some((value) => value > 80 && value < 176)) return undefined;
  return readStampBits(brightness.map((value) => (value >= 128 ? 1 : 0)));
}
