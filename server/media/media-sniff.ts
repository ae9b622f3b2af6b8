import fs from 'node:fs';
import type { MediaType } from '../../shared/media.ts';

export interface SniffedType {
  type: MediaType;
  kind: 'video' | 'image';
  ext: string;
  mime: string;
}

const TYPES: Record<MediaType, SniffedType> = {
  mp4: { type: 'mp4', kind: 'video', ext: 'mp4', mime: 'video/mp4' },
  webm: { type: 'webm', kind: 'video', ext: 'webm', mime: 'video/webm' },
  jpeg: { type: 'jpeg', kind: 'image', ext: 'jpg', mime: 'image/jpeg' },
  png: { type: 'png', kind: 'image', ext: 'png', mime: 'image/png' },
};

/** How many first bytes sniffMedia needs to decide. */
export const SNIFF_BYTES = 64;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const EBML = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
/** ISO-BMFF brands of still pictures (HEIC, AVIF): an ftyp box, but not a video a screen plays. */
const IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/**
 * The file's type from its first bytes (magic numbers), never from its name or Content-Type:
 * a text file renamed .mp4 is refused. Null: not a type the screens play.
 */
export function sniffMedia(head: Buffer): SniffedType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return TYPES.jpeg;
  if (head.subarray(0, 8).equals(PNG)) return TYPES.png;
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp') {
    return IMAGE_BRANDS.has(head.toString('latin1', 8, 12)) ? null : TYPES.mp4;
  }
  if (head.subarray(0, 4).equals(EBML)) return ebmlDocType(head) === 'webm' ? TYPES.webm : null;
  return null;
}

/** An EBML element id or size ("vint"): the count of leading zero bits of the first byte says its length. */
function readVint(buffer: Buffer, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
  const first = buffer[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > buffer.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buffer[at + i]!;
    if (buffer[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

interface Element {
  id: number;
  dataStart: number;
  /** Infinity: size unknown (a live-written Segment). */
  size: number;
}

function readElement(buffer: Buffer, at: number): Element | null {
  const id = readVint(buffer, at, true);
  if (!id) return null;
  const size = readVint(buffer, at + id.length, false);
  if (!size) return null;
  return { id: id.value, dataStart: at + id.length + size.length, size: size.unknown ? Infinity : size.value };
}

function ebmlDocType(head: Buffer): string | null {
  const header = readElement(head, 0);
  if (!header || header.id !== 0x1a45dfa3) return null;
  const end = Math.min(head.length, header.dataStart + header.size);
  for (let at = header.dataStart; at < end;) {
    const child = readElement(head, at);
    if (!child || child.size === Infinity) return null;
    if (child.id === 0x4282) return head.toString('latin1', child.dataStart, Math.min(end, child.dataStart + child.size));
    at = child.dataStart + child.size;
  }
  return null;
}

const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const CLUSTER = 0x1f43b675;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;

/** A WebM's Duration (Segment → Info), in ms; null when the muxer did not write one. */
export function webmDurationMs(head: Buffer): number | null {
  const header = readElement(head, 0);
  if (!header || header.size === Infinity) return null;
  const segment = readElement(head, header.dataStart + header.size);
  if (!segment || segment.id !== SEGMENT) return null;
  for (let at = segment.dataStart; at < head.length;) {
    const element = readElement(head, at);
    if (!element || element.size === Infinity || element.id === CLUSTER) return null;
    if (element.id === INFO) {
      let scale = 1_000_000;
      let duration: number | null = null;
      const end = Math.min(head.length, element.dataStart + element.size);
      for (let inner = element.dataStart; inner < end;) {
        const child = readElement(head, inner);
        if (!child || child.size === Infinity || child.dataStart + child.size > head.length) return null;
        if (child.id === TIMECODE_SCALE) scale = head.readUIntBE(child.dataStart, Math.min(6, child.size));
        if (child.id === DURATION)
          duration = child.size === 4 ? head.readFloatBE(child.dataStart) : child.size === 8 ? head.readDoubleBE(child.dataStart) : null;
        inner = child.dataStart + child.size;
      }
      return duration === null || !Number.isFinite(duration) ? null : Math.round((duration * scale) / 1_000_000);
    }
    at = element.dataStart + element.size;
  }
  return null;
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/**
 * An MP4's length from its movie header (moov → mvhd: duration / timescale), in ms. The moov box
 * may sit after the media data (not "fast start"), so the boxes are walked through the file.
 */
function mp4DurationMs(fd: number, fileSize: number): number | null {
  const walk = (start: number, end: number, want: string): { start: number; end: number } | null => {
    for (let at = start; at + 8 <= end;) {
      const header = readAt(fd, at, 16);
      if (header.length < 8) return null;
      let size = header.readUInt32BE(0);
      let headerSize = 8;
      if (size === 1) {
        if (header.length < 16) return null;
        size = Number(header.readBigUInt64BE(8));
        headerSize = 16;
      } else if (size === 0) size = end - at;
      if (size < headerSize) return null;
      if (header.toString('latin1', 4, 8) === want) return { start: at + headerSize, end: Math.min(end, at + size) };
      at += size;
    }
    return null;
  };
  const moov = walk(0, fileSize, 'moov');
  if (!moov) return null;
  const mvhd = walk(moov.start, moov.end, 'mvhd');
  if (!mvhd) return null;
  const body = readAt(fd, mvhd.start, 32);
  const version = body[0];
  const [timescale, duration] =
    version === 1 && body.length >= 32
      ? [body.readUInt32BE(20), Number(body.readBigUInt64BE(24))]
      : body.length >= 20
        ? [body.readUInt32BE(12), body.readUInt32BE(16)]
        : [0, 0];
  if (!timescale || !duration) return null;
  return Math.round((duration * 1000) / timescale);
}

/** A stored video file's length in ms, when the file says it. */
export function probeDurationMs(filePath: string, type: MediaType): number | null {
  const fd = fs.openSync(filePath, 'r');
  try {
    if (type === 'mp4') return mp4DurationMs(fd, fs.fstatSync(fd).size);
    if (type === 'webm') return webmDurationMs(readAt(fd, 0, 256 * 1024));
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
