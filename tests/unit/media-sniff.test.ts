import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { probeDurationMs, sniffMedia, webmDurationMs } from '../../server/media/media-sniff.ts';
import { mediaLimitsFromEnv } from '../../server/media/media-limits.ts';
import { sampleJpeg, sampleMp4, samplePng, sampleWebm } from '../support/media-samples.ts';

test('types are known by their first bytes only', () => {
  expect(sniffMedia(sampleMp4(1000))?.type).toBe('mp4');
  expect(sniffMedia(sampleWebm(1000))?.type).toBe('webm');
  expect(sniffMedia(samplePng())?.type).toBe('png');
  expect(sniffMedia(sampleJpeg())?.type).toBe('jpeg');
  expect(sniffMedia(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
  expect(sniffMedia(Buffer.from('GIF89a......'))).toBeNull();
  expect(sniffMedia(Buffer.alloc(0))).toBeNull();
});

test('a video’s length is read from its header: MP4 movie header (moov after mdat), WebM Segment Info', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventday-sniff-'));
  const mp4 = path.join(dir, 'a.mp4');
  fs.writeFileSync(mp4, sampleMp4(61_234, 100_000));
  expect(probeDurationMs(mp4, 'mp4')).toBe(61_234);
  expect(webmDurationMs(sampleWebm(6978))).toBe(6978);
  expect(webmDurationMs(sampleWebm(null))).toBeNull();
  // The demo video, as MediaRecorder wrote it and the demo script finished it.
  expect(probeDurationMs(path.resolve('server/demo/media/theme-title.webm'), 'webm')).toBe(6978);
  const cut = path.join(dir, 'cut.mp4');
  fs.writeFileSync(cut, sampleMp4(5000).subarray(0, 60));
  expect(probeDurationMs(cut, 'mp4')).toBeNull();
  fs.rmSync(dir, { recursive: true });
});

test('upload limits come from the environment in megabytes, and a bad value stops the start', () => {
  expect(mediaLimitsFromEnv({})).toEqual({ video: 200 * 1024 * 1024, image: 10 * 1024 * 1024 });
  expect(mediaLimitsFromEnv({ MEDIA_MAX_IMAGE_MB: '0.5' }).image).toBe(512 * 1024);
  expect(() => mediaLimitsFromEnv({ MEDIA_MAX_VIDEO_MB: 'lots' })).toThrow(/MEDIA_MAX_VIDEO_MB/);
});
