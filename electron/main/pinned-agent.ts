import { Agent, type RequestOptions } from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect } from 'node:tls';

/** The server showed another certificate than the one pinned. */
export class FingerprintMismatch extends Error {
  constructor(
    readonly pinned: string,
    readonly seen: string,
  ) {
    super(
      `中心服务器的证书指纹与登记的不一致，已拒绝连接。登记的指纹：${pinned}；服务器出示的指纹：${seen || '无'}。` +
        '可能连接到了冒充的服务器，或服务器更换了证书：请向中心管理员核对指纹。',
    );
  }
}

/**
 * An HTTPS agent that trusts exactly one certificate, named by its SHA-256 fingerprint: the
 * certificate a centre generates is self-signed, so no CA vouches for it. The chain is not checked;
 * the fingerprint is, after the handshake and before the request is written, so nothing (a session
 * half included) is sent to a server showing any other certificate.
 */
export class PinnedAgent extends Agent {
  constructor(readonly fingerprint: string) {
    super({ keepAlive: true });
  }

  override createConnection(
    options: RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const host = options.host ?? options.hostname ?? '';
    const socket = connect({
      host,
      port: Number(options.port),
      // SNI takes host names only.
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: false,
    });
    socket.once('secureConnect', () => {
      const seen = socket.getPeerCertificate().fingerprint256 ?? '';
      if (seen === this.fingerprint) return callback?.(null, socket);
      socket.destroy();
      callback?.(new FingerprintMismatch(this.fingerprint, seen), socket);
    });
    socket.once('error', (error) => callback?.(error, socket));
    return undefined;
  }
}
