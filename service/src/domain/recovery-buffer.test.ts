import { describe, expect, it } from 'vitest';
import type { Message } from './entities.js';
import type { ChatEvent } from './events.js';
import { RecoveryBuffer } from './recovery-buffer.js';

const message = (messageId: string): ChatEvent => ({
  kind: 'message',
  channelId: 'c',
  message: { messageId, channelId: 'c' } as Message,
});
const ids = (events: ChatEvent[]) => events.map((e) => (e.kind === 'message' ? e.message.messageId : e.kind));

describe('RecoveryBuffer', () => {
  it('holds events during the replay and flushes those the client does not have, in arrival order', () => {
    const buffer = new RecoveryBuffer(['100', '120']);
    expect(buffer.hold(message('130'))).toBe(true);
    expect(buffer.hold(message('120'))).toBe(true); // listed in `have`
    buffer.replayed('130'); // the replay read it too
    expect(buffer.hold(message('110'))).toBe(true); // older than since, overtaken: still missing
    expect(buffer.hold(message('140'))).toBe(true);
    expect(ids(buffer.flush())).toEqual(['110', '140']);
    expect(buffer.live).toBe(true);
    expect(buffer.hold(message('150'))).toBe(false);
  });

  it('reports an overflow past its capacity', () => {
    const buffer = new RecoveryBuffer([], 2);
    for (const id of ['1', '2', '3']) buffer.hold(message(id));
    expect(buffer.overflowed).toBe(true);
    expect(ids(buffer.flush())).toEqual(['1', '2']);
  });
});
