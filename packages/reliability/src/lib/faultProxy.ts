import {
  createServer,
  IncomingMessage,
  request as httpRequest,
  ServerResponse,
} from 'http';
import { AddressInfo } from 'net';

/** What happened to one request that reached the proxy. */
export interface ProxiedRequest {
  method: string;
  path: string;
  startedAt: number;
  /** When the caller hung up before an answer, ms after start. */
  callerGaveUpAfterMs?: number;
  /** When the answer was sent, ms after start. */
  answeredAfterMs?: number;
  /** Status forwarded from upstream, or 'reset' when upstream was unreachable. */
  outcome?: number | 'reset';
}

/**
 * A loopback HTTP proxy in front of a data source that the suite controls:
 * it counts every request, can hold each one for `delayMs` before forwarding
 * it, and can be pointed at a new upstream (a restarted Prometheus). While
 * nothing listens upstream, it resets the caller's connection, as a dead
 * server would. A request whose caller hangs up is never forwarded.
 */
export interface FaultProxy {
  url: string;
  target: string;
  delayMs: number;
  readonly requests: ProxiedRequest[];
  /** Requests received and not yet answered or abandoned. */
  inFlight(): number;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const requests: ProxiedRequest[] = [];
  const open = new Set<ProxiedRequest>();
  const proxy: FaultProxy = {
    url: '',
    target,
    delayMs: 0,
    requests,
    inFlight: () => open.size,
    close: async () => {},
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const record: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      startedAt: Date.now(),
    };
    requests.push(record);
    open.add(record);
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    let upstream: ReturnType<typeof httpRequest> | undefined;
    const done = () => open.delete(record);
    res.on('close', () => {
      if (!res.writableFinished && record.answeredAfterMs === undefined) {
        record.callerGaveUpAfterMs = Date.now() - record.startedAt;
        clearTimeout(timer);
        upstream?.destroy();
      }
      done();
    });
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      timer = setTimeout(() => {
        const base = new URL(proxy.target);
        upstream = httpRequest(
          {
            host: base.hostname,
            port: base.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: base.host },
          },
          answer => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            answer.on('end', () => {
              record.outcome = answer.statusCode;
              record.answeredAfterMs = Date.now() - record.startedAt;
            });
          },
        );
        upstream.on('error', () => {
          if (record.answeredAfterMs !== undefined) return;
          record.outcome = 'reset';
          record.answeredAfterMs = Date.now() - record.startedAt;
          // Nothing listens upstream: hang up, as a dead server would.
          req.socket.destroy();
          done();
        });
        upstream.end(Buffer.concat(chunks));
      }, proxy.delayMs);
    });
  };

  const server = createServer(handle);
  await new Promise<void>(resolve =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = server.address() as AddressInfo;
  proxy.url = `http://127.0.0.1:${port}`;
  proxy.close = () =>
    new Promise(resolve => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
