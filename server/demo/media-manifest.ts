/** One entry of server/demo/media/manifest.json: written by scripts/make-demo-media.ts, read by the seed. */
export interface ManifestEntry {
  file: string;
  kind: 'image' | 'video';
  title: string;
  titleEn: string;
  durationMs: number;
}
