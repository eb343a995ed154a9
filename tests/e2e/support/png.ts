import { inflateSync } from 'node:zlib';

export interface Picture {
  width: number;
  height: number;
  /** The pixel at (x, y) as red, green, blue (0–255); alpha is left out, screenshots are opaque. */
  rgb(x: number, y: number): [number, number, number];
}

const CHANNELS: Record<number, number> = { 2: 3, 6: 4 }; // colour type: RGB, RGBA

/** The paeth predictor of PNG's filter type 4 (the PNG specification, section 9.4). */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A PNG's width and height, from its header. */
export function pngSize(png: Uint8Array): [number, number] {
  const data = Buffer.from(png);
  if (data.subarray(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

/**
 * Decodes a PNG of 8-bit RGB or RGBA, not interlaced: what both browsers' screenshots are. Anything
 * else is refused by name rather than read wrong.
 */
export function decodePng(png: Uint8Array): Picture {
  const [width, height] = pngSize(png);
  const data = Buffer.from(png);
  const [depth, type, , , interlace] = data.subarray(24, 29);
  const channels = CHANNELS[type!];
  if (depth !== 8 || !channels || interlace !== 0) throw new Error(`a PNG of depth ${depth}, colour type ${type}, interlace ${interlace}: not read here`);
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at);
    if (data.subarray(at + 4, at + 8).toString() === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= channels ? pixels[y * stride + i - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = i >= channels && y > 0 ? pixels[(y - 1) * stride + i - channels]! : 0;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter!];
      if (predicted === undefined) throw new Error(`a PNG row with filter type ${filter}`);
      pixels[y * stride + i] = (x + predicted) & 0xff;
    }
  }
  return {
    width,
    height,
    rgb: (x, y) => {
      const at = y * stride + x * channels;
      return [pixels[at]!, pixels[at + 1]!, pixels[at + 2]!];
    },
  };
}
