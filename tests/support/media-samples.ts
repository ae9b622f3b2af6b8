import zlib from 'node:zlib';

/**
 * Small media files made in code, with the real first bytes and headers of each type: enough
 * for the hub's checks (type by magic bytes, a video's length from its header).
 */
const box = (type: string, body: Buffer) => {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};

/** An MP4: ftyp, a large mdat before the moov (not "fast start"), and mvhd with the length. */
export function sampleMp4(durationMs: number, padding = 4096): Buffer {
  const ftyp = box('ftyp', Buffer.concat([Buffer.from('isom', 'latin1'), Buffer.alloc(4), Buffer.from('isomiso2avc1mp41', 'latin1')]));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale: 1/1000 s
  mvhd.writeUInt32BE(durationMs, 16);
  const moov = box('moov', box('mvhd', mvhd));
  return Buffer.concat([ftyp, box('mdat', Buffer.alloc(padding, 7)), moov]);
}

const ebml = (id: number[], body: Buffer) => {
  if (body.length > 126) throw new Error('sample EBML elements stay under 127 bytes');
  return Buffer.concat([Buffer.from(id), Buffer.from([0x80 | body.length]), body]);
};

/** A WebM: EBML header (DocType webm), a Segment of unknown size, Info with TimecodeScale and Duration. */
export function sampleWebm(durationMs: number | null, padding = 4096): Buffer {
  const header = ebml([0x1a, 0x45, 0xdf, 0xa3], Buffer.concat([ebml([0x42, 0x86], Buffer.from([1])), ebml([0x42, 0x82], Buffer.from('webm', 'latin1'))]));
  const duration = Buffer.alloc(8);
  duration.writeDoubleBE(durationMs ?? 0);
  const info = ebml(
    [0x15, 0x49, 0xa9, 0x66],
    Buffer.concat([ebml([0x2a, 0xd7, 0xb1], Buffer.from([0x0f, 0x42, 0x40])), ...(durationMs === null ? [] : [ebml([0x44, 0x89], duration)])]),
  );
  const segment = Buffer.concat([Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), info]);
  const cluster = Buffer.concat([Buffer.from([0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), Buffer.alloc(padding, 3)]);
  return Buffer.concat([header, segment, cluster]);
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A real PNG (a w×h picture of one colour) that browsers decode. */
export function samplePng(width = 4, height = 4, rgb: [number, number, number] = [255, 140, 26]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The first bytes of a JPEG (SOI, APP0 JFIF) and filler: typed as JPEG by its magic number. */
export const sampleJpeg = (padding = 2048): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(padding, 1), Buffer.from([0xff, 0xd9])]);
