import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CloseAction, CloseCode, closeAction, StateCode } from '../src/index.js';

describe('close codes', () => {
  it('lists exactly the close codes of openapi/chat.yaml', () => {
    const spec = readFileSync(new URL('../../openapi/chat.yaml', import.meta.url), 'utf8');
    const block = spec.slice(spec.indexOf('    CloseCode:'), spec.indexOf('    AuthFrame:'));
    const inSpec = [...block.matchAll(/const: (\d+)/g)].map((m) => Number(m[1])).sort();
    expect(Object.values(CloseCode).sort()).toEqual(inSpec);
  });

  it.each([
    [CloseCode.GoingAway, CloseAction.Reconnect],
    [CloseCode.TooLarge, CloseAction.Reconnect],
    [CloseCode.SlowConsumer, CloseAction.Reconnect],
    [CloseCode.HeartbeatMissed, CloseAction.Reconnect],
    [CloseCode.TokenExpired, CloseAction.Refresh],
    [CloseCode.RateLimited, CloseAction.Reconnect],
    [CloseCode.AuthFailed, CloseAction.Stop],
    [CloseCode.AuthTimeout, CloseAction.Stop],
    [1000, CloseAction.Reconnect],
    [1006, CloseAction.Reconnect],
    [4000, CloseAction.Reconnect],
    [4499, CloseAction.Reconnect],
    [4500, CloseAction.Stop],
    [4999, CloseAction.Stop],
    [5000, CloseAction.Reconnect],
  ])('close %i means %s', (code, action) => {
    expect(closeAction(code)).toBe(action);
  });

  it('keeps client state codes below 1000, clear of WebSocket close codes', () => {
    for (const code of Object.values(StateCode)) expect(code).toBeLessThan(1000);
  });
});
