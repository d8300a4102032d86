/**
 * Where this package is installed, to find its `models/` from `src/` (tsx) and `dist/` alike.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `from` (default: this module's) that holds `package.json`. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let directory = resolve(from);
  for (;;) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${from}`);
    directory = parent;
  }
}

/** The package's `models/` folder. */
export function modelsDirectory(): string {
  return join(packageRoot(), 'models');
}
