/** Reading and writing the 16-bit PCM WAV files that `extractSpeechAudio` produces and recognisers read. */

export interface PcmAudio {
  sampleRate: number;
  /** Mono samples. */
  samples: Int16Array;
}

/** Parses a mono 16-bit PCM WAV (RIFF chunks in any order; the `data` chunk may be followed by others). */
export function parseWav(bytes: Buffer): PcmAudio {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a WAV file');
  }
  let sampleRate: number | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    // ffmpeg writes 0xFFFFFFFF as the data size when streaming; then the data runs to the end of the file.
    const declared = bytes.readUInt32LE(offset + 4);
    const size = Math.min(declared, bytes.length - offset - 8);
    const body = offset + 8;
    if (id === 'fmt ') {
      const format = bytes.readUInt16LE(body);
      const channels = bytes.readUInt16LE(body + 2);
      const bits = bytes.readUInt16LE(body + 14);
      if (format !== 1 || channels !== 1 || bits !== 16) throw new Error('expected mono 16-bit PCM WAV');
      sampleRate = bytes.readUInt32LE(body + 4);
    } else if (id === 'data') {
      if (!sampleRate) throw new Error('WAV data before its format');
      const copy = Buffer.from(bytes.subarray(body, body + size - (size % 2)));
      return { sampleRate, samples: new Int16Array(copy.buffer, copy.byteOffset, copy.length / 2) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV file without audio data');
}

export function encodeWav({ sampleRate, samples }: PcmAudio): Buffer {
  const header = Buffer.alloc(44);
  const dataBytes = samples.length * 2;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, dataBytes)]);
}
