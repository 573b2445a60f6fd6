#!/usr/bin/env node
/*
 * Fails when yarn.lock holds more than one version of a @backstage/* package,
 * or a version other than the one pinned in the root package.json
 * `resolutions` (the Backstage 1.55.0 release). Two copies of a Backstage
 * package break at run time in ways that are hard to trace (duplicate
 * service refs, "addWebSocketHandler is not a function", ...).
 */
const fs = require('fs');
const path = require('path');

/** Maps each @backstage package in a Yarn 4 lockfile to its locked versions. */
function lockedVersions(lockText) {
  const versions = new Map();
  let current;
  for (const line of lockText.split('\n')) {
    const header = /^"?(@backstage\/[^@"]+)@/.exec(line);
    if (header) {
      current = header[1];
      continue;
    }
    if (!line.startsWith(' ')) {
      current = undefined;
      continue;
    }
    const version = /^ {2}version: "?([^"\s]+)"?/.exec(line);
    if (current && version) {
      if (!versions.has(current)) versions.set(current, new Set());
      versions.get(current).add(version[1]);
      current = undefined;
    }
  }
  return versions;
}

/** Returns one message per problem; an empty list means the lockfile is clean. */
function findVersionProblems(lockText, resolutions) {
  const problems = [];
  for (const [name, set] of [...lockedVersions(lockText)].sort()) {
    const list = [...set].sort();
    if (list.length > 1) {
      problems.push(
        `${name}: ${list.length} versions locked (${list.join(', ')})`,
      );
    } else if (resolutions[name] && resolutions[name] !== list[0]) {
      problems.push(
        `${name}: locked at ${list[0]}, but package.json resolutions pin ${resolutions[name]}`,
      );
    }
  }
  return problems;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const lockText = fs.readFileSync(path.join(root, 'yarn.lock'), 'utf8');
  const { resolutions = {} } = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  const problems = findVersionProblems(lockText, resolutions);
  if (problems.length) {
    console.error(
      'yarn.lock does not hold exactly one pinned version of each @backstage/* package:',
    );
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(
    `yarn.lock: ${
      lockedVersions(lockText).size
    } @backstage/* packages, one pinned version each`,
  );
}

module.exports = { lockedVersions, findVersionProblems };
