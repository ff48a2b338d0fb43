import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../app/services.js';
import type { Contract } from '../contract.js';
import type { SendLimits } from '../rate-limits.js';
import { Connection } from './connection.js';
import { Hub } from './hub.js';
import { SeedSession } from './seed-session.js';
import type { BaseSession } from './session.js';
import { V1Session } from './v1-session.js';

export const SUBPROTOCOL = 'parley.v1';

export interface GatewayOptions {
  maxBufferedBytes: number;
  pingIntervalMs: number;
  authTimeoutMs: number;
  corsOrigins: '*' | string[];
}

interface Deps {
  services: Services;
  contract: Contract;
  limits: SendLimits;
  options: GatewayOptions;
}

/** Picks `parley.v1` when offered; otherwise no subprotocol (the seed dialect). */
export function handleProtocols(protocols: Set<string>): string | false {
  return protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false;
}

/** True when a browser's `Origin` may open a socket (non-browser clients send none). */
export function originAllowed(origin: string | undefined, allowed: '*' | string[]): boolean {
  if (allowed === '*' || origin === undefined) return true;
  return allowed.includes(origin.replace(/\/$/, ''));
}

/** The WebSocket gateway at /api/message/ws: both dialects, one hub. Returns the hub. */
export function registerGateway(app: FastifyInstance, { services, contract, limits, options }: Deps): Hub {
  const hub = new Hub(services.bus, services.metrics, { pingIntervalMs: options.pingIntervalMs });

  const checkOrigin = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!originAllowed(request.headers.origin, options.corsOrigins)) {
      return reply.status(403).send({ status: 'fail', message: 'origin not allowed', code: 'forbidden' });
    }
  };

  app.get('/api/message/ws', { websocket: true, preValidation: checkOrigin }, (socket, request) => {
    const conn = new Connection(socket, { maxBufferedBytes: options.maxBufferedBytes });
    const ctx = {
      services,
      hub,
      contract,
      limits,
      ip: request.ip,
      authTimeoutMs: options.authTimeoutMs,
      log: request.log,
    };
    const dialect = socket.protocol === SUBPROTOCOL ? 'v1' : 'seed';
    const session: BaseSession = dialect === 'v1' ? new V1Session(conn, ctx) : new SeedSession(conn, ctx);
    hub.track(conn);
    services.metrics.socketOpened(dialect);
    socket.on('message', (data, isBinary) => {
      conn.alive = true;
      session.receive(data as Buffer, isBinary);
    });
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('error', (err) => request.log.debug({ err }, 'websocket error'));
    socket.on('close', () => {
      hub.untrack(conn);
      services.metrics.socketClosed(dialect);
      void session.closed();
    });
  });

  app.addHook('onClose', async () => hub.close());
  return hub;
}
