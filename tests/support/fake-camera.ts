import fs from 'node:fs';
import QRCode from 'qrcode';

/**
 * Videos for Chromium's fake camera (--use-fake-device-for-media-stream
 * --use-file-for-fake-video-capture=<file>.y4m). Y4M is a header line, then per frame "FRAME\n"
 * and the raw Y, U and V planes of 4:2:0 video (U and V at half width and height). Chromium
 * plays the file in a loop, so a few identical frames are a camera that never looks away.
 */
export interface FakeVideoOptions {
  width?: number;
  height?: number;
  frames?: number;
  /** Share of the shorter side the code fills, quiet zone included. */
  fill?: number;
  /** Brightness of the background (0–255); the code's modules are black. */
  background?: number;
}

const BLACK = 0;
const WHITE = 255;
/** Neutral chroma: U = V = 128 is grey, no colour. */
const NEUTRAL = 128;
/** The QR standard's quiet zone, in modules. */
const QUIET_ZONE = 4;

/** Writes `frames` frames of each picture in turn (a picture is its luma plane). */
function writeY4m(file: string, width: number, height: number, frames: number, pictures: Uint8Array[]): void {
  if (width % 2 || height % 2) throw new Error('4:2:0 needs an even width and height');
  const chroma = Buffer.alloc((width / 2) * (height / 2), NEUTRAL);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const parts: Buffer[] = [header];
  for (const luma of pictures) {
    const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
    for (let i = 0; i < frames; i++) parts.push(frame);
  }
  // Written next to its name and renamed: the runner and its workers may both write it.
  const partial = `${file}.${process.pid}.part`;
  fs.writeFileSync(partial, Buffer.concat(parts));
  fs.renameSync(partial, file);
}

/** The luma plane of one picture: the QR code of `text` (error correction M), centred, black on white. */
function qrPicture(text: string, width: number, height: number, fill: number, background: number): Uint8Array {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const side = modules.size + 2 * QUIET_ZONE;
  const scale = Math.floor((Math.min(width, height) * fill) / side);
  if (scale < 2) throw new Error(`a ${modules.size}-module code does not fit ${width}×${height}`);
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);

  const luma = new Uint8Array(width * height).fill(background);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (top + row * scale + y) * width + left + col * scale;
        luma.fill(BLACK, start, start + scale);
      }
    }
  }
  return luma;
}

/**
 * A camera that sees the QR code of `text`. With `followedBy`, it then sees each of those codes
 * in turn, `frames` frames (at 10 a second) each, and starts over: visitors taking turns.
 */
export function writeQrY4m(text: string, file: string, options: FakeVideoOptions & { followedBy?: string[] } = {}): void {
  const { width = 640, height = 480, frames = 5, fill = 0.9, background = WHITE, followedBy = [] } = options;
  const pictures = [text, ...followedBy].map((code) => qrPicture(code, width, height, fill, background));
  writeY4m(file, width, height, frames, pictures);
}

/** A camera that sees nothing to read: an even white (or, with `background`, grey) picture. */
export function writeBlankY4m(file: string, options: FakeVideoOptions = {}): void {
  const { width = 640, height = 480, frames = 5, background = 200 } = options;
  writeY4m(file, width, height, frames, [new Uint8Array(width * height).fill(background)]);
}
