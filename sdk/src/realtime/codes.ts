import type { WireCloseCode } from '../contract.js';

/** The server's close codes (openapi/chat.yaml `CloseCode`). */
export const CloseCode = {
  GoingAway: 1001,
  TooLarge: 1009,
  SlowConsumer: 4008,
  HeartbeatMissed: 4009,
  TokenExpired: 4401,
  RateLimited: 4429,
  AuthFailed: 4500,
  AuthTimeout: 4501,
} as const satisfies Record<string, WireCloseCode>;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Fails to compile when the spec gains a close code this table does not list. */
type Assert<T extends true> = T;
type _CloseCodesComplete = Assert<[WireCloseCode] extends [CloseCode] ? true : false>;

/**
 * Why the client changed state when the server did not say (below 1000, so they never clash
 * with WebSocket close codes, which the `state` event passes through as they are).
 */
export const StateCode = {
  ConnectCalled: 0,
  Ready: 1,
  NoPong: 2,
  ConnectTimeout: 3,
  TokenError: 4,
  DisconnectCalled: 10,
  Unauthorized: 11,
} as const;
export type StateCode = (typeof StateCode)[keyof typeof StateCode];

export const CloseAction = { Reconnect: 'reconnect', Refresh: 'refresh', Stop: 'stop' } as const;
export type CloseAction = (typeof CloseAction)[keyof typeof CloseAction];

/**
 * What a close code means for the client: 4500-4999 stop; 4401 refresh the token, then
 * reconnect; everything else (1001, 1006, 4000-4499, ...) reconnect with backoff.
 */
export function closeAction(code: number): CloseAction {
  if (code === CloseCode.TokenExpired) return CloseAction.Refresh;
  return code >= 4500 && code <= 4999 ? CloseAction.Stop : CloseAction.Reconnect;
}
