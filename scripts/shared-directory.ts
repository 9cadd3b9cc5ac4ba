/**
 * Where the read-only shared material lives: `../shared` beside the repo, or `$UNSPUN_SHARED`.
 * It is never copied into the repo; scripts that need it stop with a clear message without it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export function sharedDirectoryPath(): string {
  return process.env.UNSPUN_SHARED ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
}

/** The shared directory, or exit with a message saying what is missing and where it was looked for. */
export function sharedDirectory(): string {
  const path = sharedDirectoryPath();
  if (!existsSync(path)) {
    console.error(`unspun: the shared material was not found at ${path} (set UNSPUN_SHARED to its location)`);
    process.exit(2);
  }
  return path;
}
