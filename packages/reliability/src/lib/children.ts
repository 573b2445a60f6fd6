import { ChildProcess } from 'child_process';

// Every process the suite starts, so that none outlives it, whatever happens.
const children = new Set<ChildProcess>();

/** Remembers a child process until it exits; it is killed if the suite ends first. */
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Kills every child still running (SIGKILL). */
export function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
}

process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** Resolves when the child has exited. */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise(resolve => child.once('exit', () => resolve()));
}

export const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Starts a server as a tracked child, keeping the tail of its output, and
 * resolves once `ready` says it serves, with the milliseconds that took. Fails
 * with that output when the server exits first or is not ready in `timeoutMs`.
 */
export async function startServer(options: {
  name: string;
  spawn: () => ChildProcess;
  ready: () => Promise<boolean>;
  timeoutMs: number;
}): Promise<{ child: ChildProcess; startMs: number }> {
  const started = Date.now();
  let output = '';
  const child = track(options.spawn());
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.name} exited:\n${output}`);
    }
    if (await options.ready()) return { child, startMs: Date.now() - started };
    if (Date.now() - started > options.timeoutMs) {
      throw new Error(`${options.name} did not start:\n${output}`);
    }
    await sleep(100);
  }
}
