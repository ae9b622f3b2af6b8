import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { HubError } from '../hub-error.ts';
import type { MediaLimits } from './media-limits.ts';
import { SNIFF_BYTES, sniffMedia, type SniffedType } from './media-sniff.ts';

export interface ReceivedFile {
  /** A temporary file in the media folder: the caller renames it into place or deletes it. */
  tempPath: string;
  sha256: string;
  bytes: number;
  sniffed: SniffedType;
}

/**
 * Streams an upload to a temporary file while hashing it, and refuses it as soon as it shows
 * what it is not: its first bytes are no media type the screens play, or it grows past the limit
 * of its kind (a declared Content-Length is checked before anything is written). Nothing of a
 * refused upload stays on disk, and a large file is never held in memory.
 */
export function receiveMedia(body: Readable, mediaDir: string, limits: MediaLimits, declaredLength: number | undefined): Promise<ReceivedFile> {
  const largest = Math.max(limits.video, limits.image);
  if (declaredLength !== undefined && declaredLength > largest) {
    return Promise.reject(new HubError('MEDIA_TOO_LARGE', `${declaredLength} bytes; at most ${largest}`));
  }
  const tempPath = path.join(mediaDir, `.upload-${crypto.randomBytes(8).toString('hex')}`);
  const hash = crypto.createHash('sha256');
  let head = Buffer.alloc(0);
  let sniffed: SniffedType | null = null;
  let bytes = 0;
  let out: fs.WriteStream | null = null;

  return new Promise<ReceivedFile>((resolve, reject) => {
    let settled = false;
    const fail = (error: HubError) => {
      if (settled) return;
      settled = true;
      body.off('data', onData);
      // Read the rest without keeping it, so the client gets the answer instead of a reset.
      body.resume();
      const remove = () => fs.rm(tempPath, { force: true }, () => reject(error));
      const file = out as fs.WriteStream | null;
      if (!file) return remove();
      file.once('close', remove);
      file.destroy();
    };
    const limitOf = (type: SniffedType) => (type.kind === 'video' ? limits.video : limits.image);

    const write = (chunk: Buffer) => {
      hash.update(chunk);
      if (!out) {
        out = fs.createWriteStream(tempPath, { flags: 'wx' });
        out.on('error', () => fail(new HubError('INTERNAL', 'the media folder cannot be written')));
      }
      if (!out.write(chunk)) {
        body.pause();
        out.once('drain', () => body.resume());
      }
    };

    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (!sniffed) {
        head = Buffer.concat([head, chunk]);
        if (head.length < SNIFF_BYTES) return;
        sniffed = sniffMedia(head);
        if (!sniffed) return fail(new HubError('MEDIA_TYPE', `first bytes ${head.subarray(0, 8).toString('hex')}`));
        if (declaredLength !== undefined && declaredLength > limitOf(sniffed)) {
          return fail(new HubError('MEDIA_TOO_LARGE', `${declaredLength} bytes; a ${sniffed.kind} may have ${limitOf(sniffed)}`));
        }
        chunk = head;
      }
      if (bytes > limitOf(sniffed)) return fail(new HubError('MEDIA_TOO_LARGE', `over ${limitOf(sniffed)} bytes for a ${sniffed.kind}`));
      write(chunk);
    };

    body.on('data', onData);
    body.once('error', () => fail(new HubError('BAD_PAYLOAD', 'the upload broke off')));
    body.once('end', () => {
      if (settled) return;
      // A file shorter than the sniff window is decided on what arrived.
      if (!sniffed) {
        if (bytes === 0) return fail(new HubError('MEDIA_EMPTY'));
        sniffed = sniffMedia(head);
        if (!sniffed) return fail(new HubError('MEDIA_TYPE', `first bytes ${head.subarray(0, 8).toString('hex')}`));
        write(head);
      }
      const type = sniffed;
      settled = true;
      out!.end(() => resolve({ tempPath, sha256: hash.digest('hex'), bytes, sniffed: type }));
    });
  });
}
