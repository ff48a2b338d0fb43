import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import type { Contract } from '../contract.js';
import { success, toWireUser } from '../mappers.js';
import { authRateLimit, type RateLimitOptions } from '../rate-limits.js';

interface Deps {
  services: Services;
  contract: Contract;
  rateLimit: RateLimitOptions;
}

export function authRoutes(app: FastifyInstance, { services, contract, rateLimit }: Deps): void {
  app.post<{ Body: { username: string; email: string; password: string } }>(
    '/api/register',
    { schema: contract.route('post', '/api/register'), config: { rateLimit: authRateLimit(rateLimit) } },
    async (request) => success('register successfully', toWireUser(await services.auth.register(request.body))),
  );

  app.post<{ Body: { email: string; password: string } }>(
    '/api/login',
    { schema: contract.route('post', '/api/login'), config: { rateLimit: authRateLimit(rateLimit) } },
    async (request) => {
      const result = await services.auth.login(request.body);
      return success('login successfully', { ...toWireUser(result), token: result.token });
    },
  );
}
