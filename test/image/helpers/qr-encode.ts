// A minimal QR code encoder for test fixtures: byte mode, versions 1 to 4, error correction level L,
// mask 0. It follows ISO/IEC 18004 as laid out in Project Nayuki's reference encoder
// (https://www.nayuki.io/page/creating-a-qr-code-step-by-step). Versions 1-4 at level L use one
// Reed-Solomon block and need no version-information modules, which keeps this short.

/** Data and error-correction codewords per version at level L (one block each). */
const LEVEL_L: Record<number, { data: number; ec: number }> = {
  1: { data: 19, ec: 7 },
  2: { data: 34, ec: 10 },
  3: { data: 55, ec: 15 },
  4: { data: 80, ec: 20 },
};
/** Centre of the one alignment pattern of versions 2-4 (version 1 has none). */
const ALIGNMENT_CENTRE: Record<number, number | undefined> = { 1: undefined, 2: 18, 3: 22, 4: 26 };
/** Mode indicator, 8-bit count and the terminator need 2 bytes besides the payload. */
const BYTE_MODE_OVERHEAD = 2;

export class QrTooLongError extends Error {
  override name = 'QrTooLongError';
}

/** The module matrix (true = dark), without the quiet zone. */
export function encodeQr(text: string): boolean[][] {
  const payload = [...Buffer.from(text, 'utf8')];
  const version = [1, 2, 3, 4].find((v) => payload.length + BYTE_MODE_OVERHEAD <= LEVEL_L[v]!.data);
  if (version === undefined) throw new QrTooLongError(`"${text}" is too long for a version 4-L QR code`);
  const { data: dataLen, ec: ecLen } = LEVEL_L[version]!;

  const bits: number[] = [];
  const push = (value: number, len: number) => {
    for (let i = len - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  push(0b0100, 4);
  push(payload.length, 8);
  for (const b of payload) push(b, 8);
  push(0, Math.min(4, dataLen * 8 - bits.length));
  while (bits.length % 8 !== 0) bits.push(0);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) codewords.push(Number.parseInt(bits.slice(i, i + 8).join(''), 2));
  for (let pad = 0xec; codewords.length < dataLen; pad ^= 0xec ^ 0x11) codewords.push(pad);
  const all = [...codewords, ...rsRemainder(codewords, rsDivisor(ecLen))];

  const size = 17 + 4 * version;
  const dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const set = (x: number, y: number, on: boolean) => {
    dark[y]![x] = on;
    fixed[y]![x] = true;
  };
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        const dist = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, dist !== 2 && dist !== 4);
      }
  }
  const centre = ALIGNMENT_CENTRE[version];
  if (centre !== undefined) {
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) set(centre + dx, centre + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
  }
  drawFormatBits(set, size);

  // Zig-zag placement from the bottom-right corner, two columns at a time, skipping the timing column.
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? size - 1 - vert : vert;
        if (fixed[y]![x] || i >= all.length * 8) continue;
        dark[y]![x] = ((all[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1;
        i++;
      }
    }
  }
  // Mask 0: invert data modules where (x + y) is even.
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (!fixed[y]![x] && (x + y) % 2 === 0) dark[y]![x] = !dark[y]![x];
  return dark;
}

function drawFormatBits(set: (x: number, y: number, on: boolean) => void, size: number): void {
  const LEVEL_L_BITS = 0b01;
  const MASK = 0;
  const data = (LEVEL_L_BITS << 3) | MASK;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) set(8, i, bit(i));
  set(8, 7, bit(6));
  set(8, 8, bit(7));
  set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i));
  set(8, size - 8, true);
}

function gfMul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMul(result[j]!, root);
      if (j + 1 < degree) result[j]! ^= result[j + 1]!;
    }
    root = gfMul(root, 0x02);
  }
  return result;
}

function rsRemainder(data: number[], divisor: number[]): number[] {
  const result = new Array<number>(divisor.length).fill(0);
  for (const b of data) {
    const factor = b ^ result.shift()!;
    result.push(0);
    divisor.forEach((coef, i) => {
      result[i]! ^= gfMul(coef, factor);
    });
  }
  return result;
}
