import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { gzipSync } from 'zlib';
import { bytesPerSource } from '../../lib/sourceMapBytes';

export const ROOT = resolve(__dirname, '../../..');

export interface Chunk {
  id: string | number;
  names: string[];
  files: string[];
  initial: boolean;
  origins: { module: string; request: string }[];
}

/** A JavaScript file of the build: its size, gzipped size and bytes per source file. */
export interface FileInfo {
  bytes: number;
  gz: number;
  perSource: Map<string, number>;
}

export const jsOf = (c: Chunk) => c.files.filter(f => f.endsWith('.js'));

/** Builds the example app for production into `dist`; its chunk graph and how long it took. */
export function buildApp(dist: string): { chunks: Chunk[]; buildMs: number } {
  const started = Date.now();
  const build = spawnSync(
    process.execPath,
    [resolve(__dirname, '../../lib/buildApp.js'), dist],
    {
      cwd: resolve(ROOT, 'packages/app'),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15 * 60_000,
    },
  );
  if (build.status !== 0)
    throw new Error(`app build failed:\n${build.stdout}\n${build.stderr}`);
  const buildMs = Date.now() - started;
  const { chunks } = JSON.parse(
    readFileSync(join(dist, 'bench-chunks.json'), 'utf8'),
  ) as { chunks: Chunk[] };
  return { chunks, buildMs };
}

/** Gzipped size and bytes per source file of every JavaScript file. */
export function measureFiles(
  dist: string,
  chunks: Chunk[],
): Map<string, FileInfo> {
  const files = new Map<string, FileInfo>();
  for (const c of chunks) {
    for (const f of jsOf(c)) {
      if (files.has(f)) continue;
      const code = readFileSync(join(dist, f), 'utf8');
      let perSource = new Map<string, number>();
      try {
        perSource = bytesPerSource(
          code,
          JSON.parse(readFileSync(join(dist, `${f}.map`), 'utf8')),
        );
      } catch {
        // no map: nothing attributed
      }
      files.set(f, {
        bytes: Buffer.byteLength(code),
        gz: gzipSync(code, { level: 9 }).length,
        perSource,
      });
    }
  }
  return files;
}
