import { createServer, IncomingMessage, ServerResponse } from 'http';

/** A request the fake server received, body read. */
export interface ReceivedRequest {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server answering with `handler`, to play a Prometheus that
 * misbehaves (slow, NaN, HTML, errors). `close` also ends hanging requests.
 */
export async function startFakeServer(
  handler: (req: ReceivedRequest, res: ServerResponse) => void,
): Promise<FakeServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      const received = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
      };
      requests.push(received);
      handler(received, res);
    });
  });
  await new Promise<void>(resolve =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const address = server.address();
  if (!address || typeof address === 'string') {
    throw new Error('fake server has no port');
  }
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers a Prometheus API JSON body. */
export function answerJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
