import type { Server } from 'node:net';
import { generatedCertificate } from '../../electron/backend/http/certificate';
import { createHttpServer, listenOnLoopback } from '../../electron/backend/http/server';
import type { Backend } from '../../electron/backend/backend';
import { follow } from '../../electron/backend/live/viewer';
import { tempDir } from './temp-dir';

/**
 * A centre server on 127.0.0.1 over HTTPS with a certificate generated in the backend's data
 * folder (kept: started again on the same folder and `port`, it is the same server), serving the
 * clients of `allowedClients`; closed by the returned `close`.
 */
export async function startCentreServer(backend: Backend, allowedClients: string[] = ['127.0.0.1'], port = 0) {
  const certificate = await generatedCertificate(backend.dataDir, '127.0.0.1');
  const server = createHttpServer({
    dispatch: backend.dispatch,
    staticDir: tempDir(),
    follow: (viewer) => follow(backend.services, viewer),
    site: { address: '127.0.0.1', scheme: 'https', allowedClients },
    tls: certificate,
  });
  const bound = await listenOnLoopback(server, port);
  const close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      (server as Server).close(() => done());
    });
  return { server, port: bound, certificate, close, base: `https://127.0.0.1:${bound}` };
}
