import { spawn } from 'child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { reliabilityPath } from '../lib/paths';
import { exited, track } from '../lib/children';
import { ScenarioReport } from '../lib/report';
import { hashTree } from '../workspace/hashTree';

const CHILD = reliabilityPath('src/workspace/main.ts');
const TRANSFORM = require.resolve('@backstage/cli/config/nodeTransform.cjs');
/** Longest any one attempt may take before it counts as a hang. */
const ATTEMPT_TIMEOUT_MS = 20_000;

interface Result {
  type: 'result';
  kind: 'path' | 'bomb';
  action: string;
  field: string;
  label: string;
  escaped: boolean;
  error?: string;
  ms: number;
  heapMb: number;
}

/** Why a refusal does not name its input field. */
function gapOf(r: Result): string {
  if (/ELOOP/.test(r.error!)) return "a link loop gives Node's raw ELOOP error";
  if (/null bytes/.test(r.error!))
    return "a NUL byte gives Node's raw TypeError";
  if (/is a directory, not a file/.test(r.error!)) {
    return "'.' is reported as the workspace's absolute path being a directory, without the field";
  }
  if (r.field === 'catalogFile' && /Error: path:/.test(r.error!)) {
    return "catalogFile is reported as 'path' when path is not given";
  }
  return r.error!.slice(0, 80);
}

/**
 * 7. Workspace safety: the scaffolder actions of Triad, run against traversal
 * paths, absolute paths, symbolic links (to a folder, a file, a missing file,
 * a loop, the parent) and YAML bombs. Nothing outside the workspace may
 * change: the folder next to the workspaces is fingerprinted before and after
 * every attempt (paths, modes, times, contents, link targets).
 */
export async function workspaceSafety(report: ScenarioReport) {
  const root = await mkdtemp(join(tmpdir(), 'triad-reliability-workspace-'));
  try {
    await run(report, root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function run(report: ScenarioReport, root: string) {
  const before = await prepareOutside(report, root);
  const attempts = await runAttempts(root);
  const after = await hashTree(root, name => name.startsWith('ws-'));
  checkRunnerFinished(report, attempts);
  const { results } = attempts;
  const escaped = results.filter(r => r.escaped);
  report.add('inputs', results.length);
  report.held(
    'nothing outside the workspace changed, after any attempt',
    escaped.length === 0 && after.hash === before.hash,
    escaped.length
      ? escaped.map(r => `${r.action} ${r.label}`).join('; ')
      : `fingerprint of ${after.entries} entries outside the workspaces unchanged after ${results.length} attempts`,
  );
  checkHostilePaths(
    report,
    results.filter(r => r.kind === 'path'),
    escaped,
  );
  checkBombs(
    report,
    results.filter(r => r.kind === 'bomb'),
  );
}

/** A folder next to the workspaces with files an escape would touch; its fingerprint. */
async function prepareOutside(report: ScenarioReport, root: string) {
  const outside = join(root, 'outside');
  await mkdir(join(outside, 'sub'), { recursive: true });
  await writeFile(
    join(outside, 'catalog-info.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: outside-service\nspec:\n  type: service\n  lifecycle: production\n  owner: group:outsiders\n',
  );
  await writeFile(join(outside, 'slos.yaml'), 'kind: NotAnSlo\n');
  await writeFile(join(outside, 'secret.txt'), 'do not touch\n');
  const before = await hashTree(root);
  report.tried(
    `actions in throw-away workspaces under ${root}; outside: ${outside} (${before.entries} entries fingerprinted)`,
  );
  return before;
}

/** What the runner child reported, and how it ended. */
interface Attempts {
  results: Result[];
  done: boolean;
  hung?: string;
  crash?: string;
  exitCode: number | null;
  signalCode: NodeJS.Signals | null;
  stderr: string;
}

/** Runs every attempt in a child (so a hang or a blown heap is caught), with a watchdog. */
async function runAttempts(root: string): Promise<Attempts> {
  const child = track(
    spawn(
      process.execPath,
      ['--max-old-space-size=1024', '--require', TRANSFORM, CHILD, root],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: reliabilityPath() },
    ),
  );
  const results: Result[] = [];
  let current: string | undefined;
  let done = false;
  let crash: string | undefined;
  let stderr = '';
  let partial = '';
  let lastLine = Date.now();
  child.stderr!.on('data', c => {
    stderr = (stderr + c).slice(-5_000);
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      lastLine = Date.now();
      const parsed = JSON.parse(line);
      if (parsed.type === 'start') current = `${parsed.action} ${parsed.label}`;
      else if (parsed.type === 'result') {
        results.push(parsed);
        current = undefined;
      } else if (parsed.type === 'done') done = true;
      else if (parsed.type === 'crash') crash = parsed.error;
    }
  });
  let hung: string | undefined;
  const watchdog = setInterval(() => {
    if (Date.now() - lastLine > ATTEMPT_TIMEOUT_MS) {
      hung = current ?? 'between attempts';
      child.kill('SIGKILL');
    }
  }, 500);
  await exited(child);
  clearInterval(watchdog);
  return {
    results,
    done,
    hung,
    crash,
    exitCode: child.exitCode,
    signalCode: child.signalCode,
    stderr,
  };
}

function checkRunnerFinished(report: ScenarioReport, attempts: Attempts) {
  const { results, done, hung, crash, exitCode, signalCode, stderr } = attempts;
  report.held(
    'the runner finished every attempt (no hang, no crash, no out-of-memory)',
    done && !hung && !crash && exitCode === 0,
    `${results.length} attempts${hung ? `; hung in ${hung}` : ''}${
      crash ? `; crashed: ${crash}` : ''
    }${
      exitCode
        ? `; exit ${exitCode} ${signalCode ?? ''} ${stderr.slice(-500)}`
        : ''
    }`,
  );
}

function checkHostilePaths(
  report: ScenarioReport,
  paths: Result[],
  escaped: Result[],
) {
  const refused = paths.filter(r => r.error);
  const completed = paths.filter(r => !r.error);
  const named = refused.filter(
    r =>
      r.error!.includes(`${r.field}:`) ||
      r.error!.includes(`${r.field.replace(/\[\d+\]$/, '')}:`),
  );
  report.held(
    'every hostile path is refused or stays inside the workspace',
    escaped.length === 0 && refused.length + completed.length === paths.length,
    `${paths.length} paths × actions: ${refused.length} refused (${named.length} naming the input field), ${completed.length} completed inside the workspace`,
  );
  // Message quality, reported but not failed: the refusal is what matters.
  const gaps = new Map<string, Set<string>>();
  for (const r of refused.filter(x => !named.includes(x))) {
    const kind = gapOf(r);
    gaps.set(kind, (gaps.get(kind) ?? new Set()).add(r.action));
  }
  if (gaps.size) {
    report.note(
      `gaps in messages (refused safely, field not named): ${[...gaps]
        .map(([k, actions]) => `${k} (${[...actions].join(', ')})`)
        .join('; ')}`,
    );
  }
  const kinds = new Map<string, number>();
  for (const r of refused) {
    let kind = r.error!.split(':')[0];
    if (
      /does not exist|not a file|is a directory|must be a path/.test(r.error!)
    ) {
      kind = 'not a file in the workspace';
    }
    if (/outside the workspace/.test(r.error!)) kind = 'outside the workspace';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  report.note(
    `refusals: ${[...kinds]
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}; completed: ${[...new Set(completed.map(r => r.label))].join(
      ', ',
    )}`,
  );
}

function checkBombs(report: ScenarioReport, bombs: Result[]) {
  const slowest = Math.max(0, ...bombs.map(r => r.ms));
  const heaviest = Math.max(0, ...bombs.map(r => r.heapMb));
  const bombRefused = bombs.filter(r => r.error);
  const bombNamed = bombRefused.filter(r =>
    /alias|anchor|YAML|yaml|resource exhaustion|nest|depth|document|Maximum call stack/i.test(
      r.error!,
    ),
  );
  report.held(
    'YAML bombs are refused quickly, naming the problem',
    slowest < 10_000 && bombNamed.length === bombRefused.length,
    `${bombs.length} bombs × actions: ${bombRefused.length} refused (${
      bombNamed.length
    } naming it), ${
      bombs.length - bombRefused.length
    } completed; slowest ${slowest.toFixed(0)} ms, most heap ${heaviest} MiB${
      bombRefused.length > bombNamed.length
        ? `; not naming it: ${bombRefused
            .filter(r => !bombNamed.includes(r))
            .slice(0, 4)
            .map(r => `${r.action} ${r.label}: ${r.error}`)
            .join(' || ')}`
        : ''
    }`,
  );
  const perBomb = new Map<string, Result[]>();
  for (const r of bombs)
    perBomb.set(r.label, [...(perBomb.get(r.label) ?? []), r]);
  for (const [bomb, runs] of perBomb) {
    report.note(
      `${bomb}: ${runs.filter(r => r.error).length}/${
        runs.length
      } actions refused, slowest ${Math.max(...runs.map(r => r.ms)).toFixed(
        0,
      )} ms${
        runs.find(r => r.error)
          ? ` (e.g. "${runs.find(r => r.error)!.error!.slice(0, 120)}")`
          : ''
      }`,
    );
  }
}
