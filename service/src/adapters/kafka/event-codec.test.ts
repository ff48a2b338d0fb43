import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../domain/events.js';
import { eventKey } from '../../domain/events.js';
import { decodeEvent, encodeEvent } from './event-codec.js';

const message: ChatEvent = {
  kind: 'message',
  channelId: 'c',
  origin: 'conn',
  message: {
    messageId: '400000000000000001',
    channelId: 'c',
    userId: 'u',
    username: 'Zoë',
    content: '2024-01-01T00:00:00.000Z',
    createdAt: new Date(1_800_000_000_123),
    clientMsgId: 'm1',
    replyCount: 0,
  },
};

describe('event codec', () => {
  it('round-trips every kind through real JSON, reviving dates and only dates', () => {
    const events: ChatEvent[] = [
      message,
      {
        kind: 'reply',
        channelId: 'c',
        reply: { ...message.message, replyId: '400000000000000002', createdAt: new Date(5) } as never,
      },
      { kind: 'typing', channelId: 'c', userId: 'u', typing: true },
      { kind: 'presence', channelId: 'c', userId: 'u', online: false },
      { kind: 'read', channelId: 'c', userId: 'u', messageId: '400000000000000001' },
      { kind: 'member', channelId: 'c', userId: 'u', joined: true },
    ];
    for (const event of events) {
      const wire = encodeEvent(event);
      expect(JSON.parse(wire.toString()).v).toBe(1);
      expect(decodeEvent(wire)).toEqual(event);
    }
    const decoded = decodeEvent(encodeEvent(message)) as Extract<ChatEvent, { kind: 'message' }>;
    expect(decoded.message.createdAt).toBeInstanceOf(Date);
    expect(decoded.message.content).toBe('2024-01-01T00:00:00.000Z');
  });

  it('drops what it does not understand instead of throwing', () => {
    for (const raw of ['not json', '{"v":2,"event":{}}', '{"v":1,"event":{"kind":"nope","channelId":"c"}}', '[]']) {
      expect(decodeEvent(Buffer.from(raw))).toBeUndefined();
    }
    expect(decodeEvent(null)).toBeUndefined();
    const badDate = { v: 1, event: { ...message, message: { ...message.message, createdAt: 'soon' } } };
    expect(decodeEvent(Buffer.from(JSON.stringify(badDate)))).toBeUndefined();
  });

  it('keys messages and replies by id for deduplication, and nothing else', () => {
    expect(eventKey(message)).toBe('m:400000000000000001');
    expect(eventKey({ kind: 'typing', channelId: 'c', userId: 'u', typing: true })).toBeUndefined();
  });
});
