import { describe, expect, it } from 'vitest';
import { camelize, decodeFrame, encodeFrame, snakify } from '../src/index.js';

describe('camelize / snakify', () => {
  it('rekeys deeply, leaving values (message text included) alone', () => {
    const wire = {
      type: 'message',
      message: { message_id: '7212345678901234567', client_msg_id: 'a_b', content: 'snake_case stays', reply_count: 0 },
      list: [{ user_id: 'u' }],
    };
    const camel = camelize(wire);
    expect(camel).toEqual({
      type: 'message',
      message: { messageId: '7212345678901234567', clientMsgId: 'a_b', content: 'snake_case stays', replyCount: 0 },
      list: [{ userId: 'u' }],
    });
    expect(snakify(camel)).toEqual(wire);
  });
});

describe('frame codec', () => {
  it('encodes a client frame as wire JSON, dropping absent fields', () => {
    expect(JSON.parse(encodeFrame({ type: 'subscribe', channelId: 'c1', since: undefined }))).toEqual({
      type: 'subscribe',
      channel_id: 'c1',
    });
    expect(JSON.parse(encodeFrame({ type: 'send', channelId: 'c1', content: 'hi', clientMsgId: 'x' }))).toEqual({
      type: 'send',
      channel_id: 'c1',
      content: 'hi',
      client_msg_id: 'x',
    });
  });

  it('decodes server frames and ignores what is not one', () => {
    expect(
      decodeFrame(
        '{"type":"subscribed","channel_id":"c","recovered":2,"gap":false,"read_message_id":"","unread_count":0}',
      ),
    ).toEqual({
      type: 'subscribed',
      channelId: 'c',
      recovered: 2,
      gap: false,
      readMessageId: '',
      unreadCount: 0,
    });
    for (const junk of ['not json', '[]', 'null', '{"no":"type"}', new Uint8Array([1]), 42]) {
      expect(decodeFrame(junk)).toBeUndefined();
    }
  });
});
