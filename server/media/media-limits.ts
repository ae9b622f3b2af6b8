/** The largest upload accepted, per kind, in bytes. */
export interface MediaLimits {
  video: number;
  image: number;
}

const MB = 1024 * 1024;
const DEFAULT_MEDIA_LIMITS: MediaLimits = { video: 200 * MB, image: 10 * MB };

/**
 * MEDIA_MAX_VIDEO_MB and MEDIA_MAX_IMAGE_MB (fractions allowed: tests set tiny limits).
 * A value that is not a positive number stops the hub at start, rather than accepting anything.
 */
export function mediaLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): MediaLimits {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const mb = Number(raw);
    if (!Number.isFinite(mb) || mb <= 0) throw new Error(`${name} must be a positive number of megabytes, not "${raw}"`);
    return Math.floor(mb * MB);
  };
  return { video: read('MEDIA_MAX_VIDEO_MB', DEFAULT_MEDIA_LIMITS.video), image: read('MEDIA_MAX_IMAGE_MB', DEFAULT_MEDIA_LIMITS.image) };
}
