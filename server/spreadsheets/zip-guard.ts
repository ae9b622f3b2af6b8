import zlib from 'node:zlib';

/**
 * An XLSX is a ZIP, and a ZIP can be a bomb: a few kilobytes that inflate to gigabytes and take
 * the hub's memory with them while a spreadsheet library unpacks it. Before any library sees an
 * uploaded workbook, this walks the ZIP's central directory and inflates every entry with a hard
 * cap on its output (a lying size field cannot get past it), so a bomb is refused after at most
 * `maxTotalBytes` of work.
 */
interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
}

const WORKBOOK_ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxTotalBytes: 48 * 1024 * 1024 };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Inflating stopped at the cap: more data was coming. */
const OVER_CAP = -1;

/** Why the ZIP is refused, or null when every entry inflated within the limits. */
export function zipProblem(bytes: Buffer, limits: ZipLimits = WORKBOOK_ZIP_LIMITS): string | null {
  const end = findEndOfDirectory(bytes);
  if (end < 0) return 'the ZIP directory is missing: the file is cut short or damaged';
  const entries = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return 'ZIP64 workbooks are not read: save the file again from Excel or WPS';
  if (entries > limits.maxEntries) return `the workbook holds ${entries} files (at most ${limits.maxEntries})`;
  let at = directoryOffset;
  let total = 0;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return 'the ZIP directory is damaged';
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const declaredSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    total += declaredSize;
    if (total > limits.maxTotalBytes) return tooLarge(limits);
    const inflated = inflatedSize(bytes, localOffset, method, compressedSize, limits.maxTotalBytes - total + declaredSize);
    if (typeof inflated === 'string') return inflated;
    if (inflated === OVER_CAP) return tooLarge(limits);
    // The size field is what the library trusts; the data must agree with it.
    if (inflated !== declaredSize) return 'a file inside the workbook is not the size its ZIP entry says: the file is damaged';
    at = next;
  }
  return null;
}

function tooLarge(limits: ZipLimits): string {
  return `the workbook unpacks to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`;
}

function findEndOfDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at -= 1) if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  return -1;
}

/** The entry's real size once inflated, never producing more than `cap` bytes (OVER_CAP when it would); or why it cannot be read. */
function inflatedSize(bytes: Buffer, localOffset: number, method: number, compressedSize: number, cap: number): number | string {
  if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) return 'a ZIP entry is damaged';
  const start = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
  if (start + compressedSize > bytes.length) return 'the workbook is cut short';
  const data = bytes.subarray(start, start + compressedSize);
  if (method === STORED) return data.length;
  if (method !== DEFLATED) return `a ZIP entry uses compression method ${method}, which workbooks do not`;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap) }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      return OVER_CAP;
    }
    return 'a ZIP entry does not inflate: the file is damaged';
  }
}
