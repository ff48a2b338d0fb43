import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app/services.js';
import type { Identity } from '../domain/entities.js';

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity | null;
  }
}

/** The bearer token of an `Authorization` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** An onRequest hook: identity comes from the token only, never from the body. */
export function authenticate(services: Services) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.identity = services.auth.authenticate(bearerToken(request.headers.authorization));
  };
}

/** The identity of an authenticated request (the hook guarantees it). */
export function identityOf(request: FastifyRequest): Identity {
  if (!request.identity) throw new Error('route is missing the authenticate hook');
  return request.identity;
}
