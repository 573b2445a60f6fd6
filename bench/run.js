#!/usr/bin/env node
/*
 * Triad's benchmarks (issue 10): `yarn bench [--quick] [--fresh] [--only=…]`.
 *
 * Runs each part in its own Node process (so memory figures and event loops
 * are the part's own), with the TypeScript sources of the plugins loaded
 * through Backstage's node transform, and prints one table at the end. Each
 * part generates its own data; see bench/README.md.
 *
 *   --quick   smaller sizes (10,000 entities, 3 Prometheus services, fewer
 *             samples); the figures are then not the ones the goals are about
 *   --fresh   re-ingest the generated catalog instead of reusing the
 *             PostgreSQL template kept from an earlier run
 *   --only=ownership,slo,fleet,builtin,frontend,dependencies   run some parts only
 *   --clean   drop every database the benchmarks made (triad_bench_*), the
 *             kept catalog templates included, and stop
 */
'use strict';

const { spawn, execFileSync } = require('child_process');
const { mkdtempSync, readFileSync, writeFileSync, existsSync } = require('fs');
const os = require('os');
const { join, resolve } = require('path');

const ROOT = resolve(__dirname, '..');
const PARTS = [
  { name: 'builtin', timeoutMin: 10 },
  { name: 'slo', timeoutMin: 20 },
  // 1,000 then 10,000 SLOs (issue 21): about 20 minutes on 2 cores.
  { name: 'fleet', timeoutMin: 40 },
  // A first run ingests the generated catalog (about 35 minutes on 2 cores).
  { name: 'ownership', timeoutMin: 80 },
  { name: 'frontend', timeoutMin: 15 },
  // Clones the ownership part's catalog template (ingests it if absent).
  { name: 'dependencies', timeoutMin: 90 },
];

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const fresh = argv.includes('--fresh');
const clean = argv.includes('--clean');
const onlyArg = argv.find(a => a.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : undefined;
const unknown = argv.filter(
  a =>
    !['--quick', '--fresh', '--clean'].includes(a) && !a.startsWith('--only='),
);
if (
  unknown.length ||
  (only && only.some(o => !PARTS.find(p => p.name === o)))
) {
  console.error(
    `usage: yarn bench [--quick] [--fresh] [--only=${PARTS.map(
      p => p.name,
    ).join(',')}]`,
  );
  process.exit(2);
}

const major = Number(process.versions.node.split('.')[0]);
if (major !== 22 && major !== 24) {
  console.error(
    `Node ${process.versions.node} runs this; Backstage 1.55 needs 22 or 24 (source scripts/bootstrap.sh && triad_ensure_node).`,
  );
  process.exit(1);
}

const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // The parts stop their own children (Prometheus, clients) on SIGTERM.
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => {
      for (const child of children) child.kill('SIGKILL');
      process.exit(130);
    }, 5_000);
  });
}

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism?.() ?? cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map(l => l.toFixed(2)),
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain', '--untracked-files=no')
      .split('\n')
      .filter(Boolean).length,
  };
}

function runPart(part, outDir) {
  const resultFile = join(outDir, `${part.name}.json`);
  const args = [
    '--expose-gc',
    '--max-old-space-size=4096',
    '-r',
    require.resolve('@backstage/cli/config/nodeTransform.cjs', {
      paths: [ROOT],
    }),
    join(__dirname, 'parts', `${part.name}.ts`),
    ...(quick ? ['--quick'] : []),
    ...(fresh ? ['--fresh'] : []),
  ];
  return new Promise(resolvePromise => {
    const started = Date.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      // The table alone goes to stdout; the parts' progress and logs to stderr.
      stdio: ['ignore', process.stderr, 'inherit'],
      env: {
        ...process.env,
        BENCH_RESULT: resultFile,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        NODE_ENV: 'production',
      },
    });
    children.add(child);
    const timer = setTimeout(() => {
      console.error(
        `${part.name}: no result after ${part.timeoutMin} min, stopping it`,
      );
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, part.timeoutMin * 60_000);
    child.on('exit', code => {
      clearTimeout(timer);
      children.delete(child);
      const ms = Date.now() - started;
      if (code === 0 && existsSync(resultFile)) {
        resolvePromise({ ...JSON.parse(readFileSync(resultFile, 'utf8')), ms });
      } else {
        resolvePromise({
          part: part.name,
          ms,
          failed: `exited with ${code}`,
          rows: [],
          notes: [],
        });
      }
    });
  });
}

function table(results) {
  const lines = [];
  let section = '';
  lines.push('| measurement | figure | goal |', '| --- | --- | --- |');
  for (const r of results.flatMap(x => x.rows)) {
    if (r.section !== section) {
      section = r.section;
      lines.push(`| **${section}** | | |`);
    }
    const goal = r.goal
      ? `${r.goal}: ${r.met ? '**met**' : '**not met**'}`
      : '';
    lines.push(`| ${r.metric} | ${r.value.replace(/\|/g, '\\|')} | ${goal} |`);
  }
  return lines.join('\n');
}

/** Drops the databases named triad_bench_* (see bench/lib/backend.ts). */
async function dropBenchDatabases() {
  const { Client } = require(require.resolve('pg', { paths: [ROOT] }));
  const client = new Client({
    connectionString:
      process.env.TRIAD_BENCH_POSTGRES ??
      process.env.TRIAD_TEST_POSTGRES ??
      'postgresql://postgres@127.0.0.1:5432',
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      "select datname from pg_database where datname like 'triad\\_bench\\_%'",
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
      console.error(`dropped ${datname}`);
    }
  } finally {
    await client.end();
  }
}

async function main() {
  if (clean) {
    await dropBenchDatabases();
    return;
  }
  const started = Date.now();
  const outDir = mkdtempSync(join(os.tmpdir(), 'triad-bench-'));
  const m = machine();
  console.error(
    `Triad benchmarks${quick ? ' (--quick)' : ''}: ${m.cores} cores, ${
      m.memoryGiB
    } GiB, Node ${m.node}, load average ${m.loadAverage.join(' ')}, commit ${
      m.commit
    }`,
  );
  const results = [];
  for (const part of PARTS.filter(p => !only || only.includes(p.name))) {
    console.error(`\n=== ${part.name}`);
    const result = await runPart(part, outDir);
    console.error(
      `=== ${part.name}: ${Math.round(result.ms / 1000)} s${
        result.failed ? `, FAILED (${result.failed})` : ''
      }`,
    );
    results.push(result);
  }
  const totalMs = Date.now() - started;
  const after = os.loadavg().map(l => l.toFixed(2));

  const header = [
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}, Node ${
      m.node
    }; load average ${m.loadAverage.join(' ')} before, ${after.join(
      ' ',
    )} after.`,
    `Commit ${m.commit}${
      m.uncommittedChanges
        ? ` with ${m.uncommittedChanges} uncommitted changes in the tree`
        : ''
    }; ${quick ? 'quick sizes (--quick)' : 'full sizes'}; ${Math.round(
      totalMs / 1000,
    )} s in all (${results
      .map(r => `${r.part} ${Math.round(r.ms / 1000)} s`)
      .join(', ')}).`,
  ];
  const notes = results.flatMap(r => r.notes ?? []);
  const failed = results.filter(r => r.failed);
  const goals = results.flatMap(r => r.rows).filter(r => r.goal);
  const summary = [
    `Goals met: ${goals.filter(g => g.met).length} of ${goals.length}.`,
    ...goals
      .filter(g => !g.met)
      .map(g => `Not met: ${g.metric} — ${g.value} (goal ${g.goal}).`),
    ...failed.map(
      f => `Part ${f.part} FAILED (${f.failed}); see its output above.`,
    ),
  ];
  const markdown = [
    header.join('\n'),
    '',
    table(results),
    '',
    ...notes.map(n => `- ${n}`),
    '',
    summary.join('\n'),
  ].join('\n');
  writeFileSync(join(outDir, 'results.md'), `${markdown}\n`);
  writeFileSync(
    join(outDir, 'results.json'),
    JSON.stringify({ machine: m, quick, totalMs, results }, null, 2),
  );
  console.log(`\n${markdown}\n`);
  console.error(
    `Results saved in ${outDir} (results.md, results.json, one JSON file per part).`,
  );
  process.exit(failed.length ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
