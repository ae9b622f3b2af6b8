import fs from 'node:fs';
import path from 'node:path';

/**
 * The project's folder (the one with package.json): the hub's own files — demo media, the
 * question bank — are found from it, whether the hub runs from its sources (tsx) or as the
 * bundle `npm run build` makes in dist/server/.
 */
function findProjectDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_DIR = findProjectDir(import.meta.dirname);
