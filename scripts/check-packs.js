#!/usr/bin/env node
/*
 * Checks the archives that `yarn pack` made of every publishable package
 * (scripts/pack.sh): one archive per package, and in each the manifest a
 * registry would serve points only at files the archive holds and at no
 * `workspace:` range. Usage: node scripts/check-packs.js <folder of .tgz>
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
];

/** Every file a manifest field points at, as paths inside the archive. */
function referencedFiles(manifest) {
  const refs = [];
  const add = (field, value) => {
    if (typeof value === 'string' && !value.startsWith('@backstage/')) {
      refs.push({ field, file: path.posix.normalize(value) });
    }
  };
  for (const field of ['main', 'module', 'types', 'browser', 'configSchema']) {
    add(field, manifest[field]);
  }
  if (typeof manifest.bin === 'string') add('bin', manifest.bin);
  for (const [name, file] of Object.entries(manifest.bin ?? {})) {
    add(`bin.${name}`, file);
  }
  const walk = (field, value) => {
    if (typeof value === 'string') add(field, value);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        // `backstage` conditions name a feature type, not a file.
        if (key !== 'backstage') walk(`${field}[${key}]`, inner);
      }
    }
  };
  if (manifest.exports && typeof manifest.exports === 'object') {
    walk('exports', manifest.exports);
  }
  return refs;
}

/**
 * Problems with one packed manifest, given the paths in its archive
 * (relative to the package root). An empty list means it is publishable.
 */
function findPackProblems(manifest, files) {
  const problems = [];
  const have = new Set(files.map(f => path.posix.normalize(f)));
  for (const field of DEPENDENCY_FIELDS) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) {
        problems.push(`${field}.${dep} is still "${range}"`);
      }
    }
  }
  for (const { field, file } of referencedFiles(manifest)) {
    if (!have.has(file)) {
      problems.push(`${field} points at ${file}, which is not in the archive`);
    }
  }
  if (![...have].some(f => /^readme(\.md)?$/i.test(f))) {
    problems.push('the archive has no README');
  }
  if (manifest.private) problems.push('the package is private');
  return problems;
}

/** The publishable workspaces of the repository: name and version. */
function publishableWorkspaces(root) {
  const found = [];
  for (const dir of ['packages', 'plugins']) {
    for (const entry of fs.readdirSync(path.join(root, dir))) {
      const file = path.join(root, dir, entry, 'package.json');
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (!pkg.private) found.push({ name: pkg.name, version: pkg.version });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** The archive name `yarn pack --out '%s-%v.tgz'` gives a package. */
function archiveName({ name, version }) {
  return `${name.replace('/', '-')}-${version}.tgz`;
}

function readArchive(file) {
  const files = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })
    .split('\n')
    .filter(f => f && !f.endsWith('/'))
    .map(f => f.replace(/^package\//, ''));
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  return { manifest, files };
}

if (require.main === module) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node scripts/check-packs.js <folder of .tgz>');
    process.exit(2);
  }
  const root = path.resolve(__dirname, '..');
  let failed = false;
  const workspaces = publishableWorkspaces(root);
  for (const ws of workspaces) {
    const file = path.join(folder, archiveName(ws));
    if (!fs.existsSync(file)) {
      console.error(`${ws.name}: no archive ${file}`);
      failed = true;
      continue;
    }
    const { manifest, files } = readArchive(file);
    const problems = findPackProblems(manifest, files);
    for (const p of problems) console.error(`${ws.name}: ${p}`);
    failed ||= problems.length > 0;
  }
  if (failed) process.exit(1);
  console.log(
    `${workspaces.length} packages packed; every manifest points at files in its archive and at no workspace range`,
  );
}

module.exports = {
  findPackProblems,
  referencedFiles,
  publishableWorkspaces,
  archiveName,
};
