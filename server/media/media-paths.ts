import path from 'node:path';

/** Where media shipped with the app (the demo loop) are served: stable names, a day's cache. */
export const DEMO_MEDIA_PREFIX = '/media/demo/';
/** Where uploaded files are served (/media/files/<sha256>.<ext>): named by their content hash, so caches may keep them for good. */
export const UPLOADED_MEDIA_PREFIX = '/media/files/';
/** The folder of a store's uploaded media files. */
export const mediaDirOf = (dataDir: string): string => path.join(dataDir, 'media');
