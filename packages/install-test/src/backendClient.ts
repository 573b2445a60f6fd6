import { ChildProcess } from 'child_process';
import { readFileSync } from 'fs';
import { seconds } from './report';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** A backend just spawned, as a signed-in user of the app calls it. */
export interface BackendClient {
  token: string;
  /** Calls the backend with the user's token; the body parsed when it is JSON. */
  get(path: string, init?: RequestInit): Promise<Answer>;
  /**
   * Probes until the probe gives a value; throws with the backend log's end
   * when the backend exits or `deadlineMs` from its start have passed.
   */
  until<T>(
    what: string,
    deadlineMs: number,
    probe: () => Promise<T | undefined>,
  ): Promise<T>;
}

/** Waits for the backend to answer and for a guest token. */
export async function connectBackend(options: {
  baseUrl: string;
  startedAt: number;
  backend: ChildProcess;
  backendLog: string;
  onReady: (readyAt: number) => void;
}): Promise<BackendClient> {
  const { baseUrl, startedAt, backend, backendLog } = options;
  const alive = () => {
    if (backend.exitCode !== null) {
      throw new Error(
        `the backend exited with ${backend.exitCode}:\n${tail(backendLog)}`,
      );
    }
  };
  const until = async <T>(
    what: string,
    deadlineMs: number,
    probe: () => Promise<T | undefined>,
  ): Promise<T> => {
    for (;;) {
      alive();
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      if (Date.now() - startedAt > deadlineMs) {
        throw new Error(
          `${what}: not within ${seconds(
            deadlineMs,
          )} of the backend starting\n${tail(backendLog)}`,
        );
      }
      await new Promise(r => setTimeout(r, 250));
    }
  };

  await until('the backend answering', 180_000, async () =>
    (
      await fetch(`${baseUrl}/.backstage/health/v1/readiness`)
    ).ok
      ? true
      : undefined,
  );
  options.onReady(Date.now());

  const token: string = await until('a guest token', 180_000, async () => {
    const res = await fetch(
      `${baseUrl}/api/auth/guest/refresh?env=development`,
      {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      },
    );
    return res.ok ? (await res.json()).backstageIdentity?.token : undefined;
  });
  const get = async (path: string, init: RequestInit = {}): Promise<Answer> => {
    const res = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, headers: res.headers, body };
  };
  return { token, get, until };
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
