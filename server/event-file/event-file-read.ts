import crypto from 'node:crypto';
import fs from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import type { MediaLimits } from '../media/media-limits.ts';
import { SNIFF_BYTES, sniffMedia } from '../media/media-sniff.ts';
import type { Db } from '../store/database.ts';
import { checkManifestRows } from './event-file-check.ts';
import { FILE_VERSION, MAGIC_LINE, Manifest, MANIFEST_MAX_BYTES, STORE_VERSION } from './event-file-format.ts';

/** An event file that passed every check: its manifest, and where each carried file's bytes start. */
export interface CheckedEventFile {
  path: string;
  manifest: Manifest;
  /** Byte offset of each carried file in the event file, in the manifest's order. */
  offsets: number[];
}

export type EventFileRead = { ok: true; file: CheckedEventFile } | { ok: false; problems: string[] };

const PROBLEMS_SHOWN = 30;
const refuse = (problems: string[]): EventFileRead => ({
  ok: false,
  problems: problems.length > PROBLEMS_SHOWN ? [...problems.slice(0, PROBLEMS_SHOWN), `… and ${problems.length - PROBLEMS_SHOWN} more`] : problems,
});

/**
 * Reads and checks an event file on disk, whole, before anything is changed: its format line and
 * versions, the manifest's schema and rows, and every carried media file (its length, SHA-256 and
 * content type, within the hub's media limits). Every reason is collected, so one import attempt
 * tells the organiser everything that is wrong.
 */
export async function readEventFile(filePath: string, db: Db, limits: MediaLimits, demoMediaDir: string): Promise<EventFileRead> {
  const size = fs.statSync(filePath).size;
  const head = Buffer.alloc(Math.min(size, MAGIC_LINE.length + 1 + MANIFEST_MAX_BYTES + 1));
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, MAGIC_LINE.length + 1).toString('latin1') !== `${MAGIC_LINE}\n`) {
    return refuse([
      '这不是 eventday 活动文件（请在 活动设置 → 活动文件 中导出）/ this is not an eventday event file (export one in 活动设置 → 活动文件, or with npm run event:export)',
    ]);
  }
  const manifestEnd = head.indexOf(0x0a, MAGIC_LINE.length + 1);
  if (manifestEnd < 0) return refuse(['文件不完整 / the file is cut short, or its manifest is larger than 16 MB']);
  let manifest: unknown;
  try {
    manifest = JSON.parse(head.subarray(MAGIC_LINE.length + 1, manifestEnd).toString('utf8'));
  } catch {
    return refuse(['文件已损坏 / the file’s manifest is not JSON: the file is damaged']);
  }
  const versions = manifest as { fileVersion?: unknown; storeVersion?: unknown };
  if (versions.fileVersion !== FILE_VERSION || versions.storeVersion !== STORE_VERSION) {
    return refuse([
      `文件来自另一版本的 eventday，请在本版本的主机上重新导出 / the file was made by another version of eventday (file version ${String(versions.fileVersion)}, store version ${String(versions.storeVersion)}; this hub reads file version ${FILE_VERSION}, store version ${STORE_VERSION}): export it again from a hub of this version`,
    ]);
  }
  if (!Value.Check(Manifest, manifest)) {
    return refuse([...Value.Errors(Manifest, manifest)].slice(0, 10).map((error) => `manifest ${error.path || '/'}: ${error.message}`));
  }
  const problems = checkManifestRows(db, manifest, demoMediaDir);

  const offsets: number[] = [];
  let at = manifestEnd + 1;
  for (const file of manifest.files) {
    offsets.push(at);
    at += file.bytes;
  }
  if (at !== size)
    problems.push(
      `文件不完整或已损坏 / the media files in the file add up to ${size - manifestEnd - 1} bytes, the manifest says ${at - manifestEnd - 1}: the file is cut short or damaged`,
    );
  else {
    for (const [index, file] of manifest.files.entries()) {
      const problem = await checkCarriedFile(filePath, offsets[index]!, file, limits);
      if (problem) problems.push(problem);
    }
  }
  return problems.length > 0 ? refuse(problems) : { ok: true, file: { path: filePath, manifest, offsets } };
}

async function checkCarriedFile(filePath: string, start: number, file: Manifest['files'][number], limits: MediaLimits): Promise<string | null> {
  const hash = crypto.createHash('sha256');
  let head = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(filePath, { start, end: start + file.bytes - 1 })) {
    if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk as Buffer]).subarray(0, SNIFF_BYTES);
    hash.update(chunk as Buffer);
  }
  const sniffed = sniffMedia(head);
  const ext = file.name.split('.').at(-1);
  if (!sniffed || sniffed.ext !== ext) return `media file ${file.name}: its content is not the ${ext} its name says`;
  if (file.bytes > limits[sniffed.kind])
    return `media file ${file.name}: ${file.bytes} bytes, over this hub's limit of ${limits[sniffed.kind]} for a ${sniffed.kind}`;
  if (hash.digest('hex') !== file.sha256 || !file.name.startsWith(file.sha256))
    return `媒体文件已损坏 / media file ${file.name}: its content does not match its SHA-256: the file is damaged`;
  return null;
}
