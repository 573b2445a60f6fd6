import { createHash } from 'crypto';
import { execFileSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { join } from 'path';

/**
 * Serves packed archives the way a package registry does (a packument per
 * package, the archives themselves), so that the app installs Triad by name
 * with `yarn add`, exactly as from the public registry. Only the `@triad`
 * scope is pointed at it; every other package comes from the usual registry.
 */
export async function startLocalRegistry(folder: string): Promise<{
  url: string;
  packages: Map<string, Record<string, any>>;
  close(): Promise<void>;
}> {
  const packages = new Map<string, Record<string, any>>();
  const archives = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0]);
    const archive = archives.get(path);
    if (archive) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.end(archive);
      return;
    }
    const name = path.slice(1);
    const manifest = packages.get(name);
    if (!manifest) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'Not found' }));
      return;
    }
    const base = `http://${req.headers.host}`;
    const { version } = manifest;
    const file = `/${name}/-/${name.split('/')[1]}-${version}.tgz`;
    const data = archives.get(file)!;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        name,
        'dist-tags': { latest: version },
        versions: {
          [version]: {
            ...manifest,
            _id: `${name}@${version}`,
            dist: {
              tarball: `${base}${file}`,
              shasum: createHash('sha1').update(data).digest('hex'),
              integrity: `sha512-${createHash('sha512')
                .update(data)
                .digest('base64')}`,
            },
          },
        },
        time: { [version]: new Date().toISOString() },
      }),
    );
  });
  for (const entry of readdirSync(folder)) {
    if (!entry.endsWith('.tgz')) continue;
    const data = readFileSync(join(folder, entry));
    const manifest = JSON.parse(
      execFileSync(
        'tar',
        ['-xzOf', join(folder, entry), 'package/package.json'],
        {
          encoding: 'utf8',
        },
      ),
    );
    packages.set(manifest.name, manifest);
    archives.set(
      `/${manifest.name}/-/${manifest.name.split('/')[1]}-${
        manifest.version
      }.tgz`,
      data,
    );
  }
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    packages,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
