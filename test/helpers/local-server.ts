// Listening and closing for the fake platform servers (LINE, Twilio): one port on 127.0.0.1 each.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free loopback port and returns its base URL. */
export async function listenLocal(server: http.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes the server and any kept-alive connections to it. */
export async function closeLocal(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}
