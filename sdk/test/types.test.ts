import { describe, expectTypeOf, it } from 'vitest';
import WS from 'ws';
import {
  type ChatMessage,
  type ClientFrame,
  type Connection,
  type components,
  createRestClient,
  encodeFrame,
  type LocalMessage,
  type ServerFrame,
  type ServerFrameOf,
  type WebSocketConstructor,
} from '../src/index.js';

type Wire = components['schemas'];

/**
 * Type tests: checked by `tsc -p sdk/tsconfig.json` (every `@ts-expect-error` must be an error).
 * The bodies below are never called; they only have to compile, or fail to where marked.
 */
describe('types follow openapi/chat.yaml', () => {
  it('client frames are exactly the spec’s, in camelCase', () => {
    expectTypeOf<ClientFrame['type']>().toEqualTypeOf<
      'auth' | 'subscribe' | 'unsubscribe' | 'send' | 'reply' | 'typing' | 'read' | 'ping'
    >();
    const typeOnly = (conn: Connection) => {
      conn.send({ type: 'subscribe', channelId: 'c', since: '1' });
      conn.send({ type: 'send', channelId: 'c', content: 'hi', clientMsgId: 'x' });
      // @ts-expect-error a frame type that is not in the spec
      conn.send({ type: 'nope' });
      // @ts-expect-error a frame missing a required field
      encodeFrame({ type: 'subscribe' });
      // @ts-expect-error a field the frame does not have
      encodeFrame({ type: 'ping', channelId: 'c' });
      // @ts-expect-error wire (snake_case) names are not the SDK's
      encodeFrame({ type: 'unsubscribe', channel_id: 'c' });
    };
    void typeOnly;
  });

  it('server frames are exactly the spec’s, discriminated by type', () => {
    expectTypeOf<ServerFrame['type']>().toEqualTypeOf<
      | 'ready'
      | 'subscribed'
      | 'unsubscribed'
      | 'message'
      | 'reply'
      | 'ack'
      | 'typing'
      | 'presence'
      | 'read'
      | 'member'
      | 'error'
      | 'pong'
    >();
    expectTypeOf<ServerFrameOf<'subscribed'>>().toEqualTypeOf<{
      type: 'subscribed';
      channelId: string;
      recovered: number;
      gap: boolean;
      readMessageId: string;
      unreadCount: number;
      unreadThrough: string;
    }>();
    expectTypeOf<ChatMessage>().toEqualTypeOf<{
      messageId: string;
      channelId: string;
      userId: string;
      username: string;
      content: string;
      createdAt: string;
      clientMsgId: string;
      replyCount: number;
    }>();
    expectTypeOf<LocalMessage>().toExtend<ChatMessage>();
    // @ts-expect-error no such frame
    type _Unknown = ServerFrameOf<'nope'>;
  });

  it('REST routes, parameters and bodies come from the spec', () => {
    const typeOnly = async () => {
      const rest = createRestClient({
        baseUrl: '',
        tokens: { get: async () => '', set() {}, invalidate: () => false },
      });
      const page = await rest.GET('/api/message', { params: { query: { channel_id: 'c', limit: 10 } } });
      expectTypeOf(page.data?.data.messages).toEqualTypeOf<Wire['Message'][] | undefined>();
      expectTypeOf(page.error).toEqualTypeOf<Wire['Failure'] | undefined>();
      await rest.POST('/api/channel', { body: { name: 'general' } });
      await rest.GET('/api/channel/{id}/members', { params: { path: { id: 'c' } } });
      // @ts-expect-error a route that is not in the spec
      await rest.GET('/api/nope');
      // @ts-expect-error a method the route does not have
      await rest.DELETE('/api/channel');
      // @ts-expect-error a body field the route does not take
      await rest.POST('/api/channel', { body: { title: 'general' } });
      // @ts-expect-error the required query parameter is missing
      await rest.GET('/api/message', { params: { query: { limit: 10 } } });
    };
    void typeOnly;
  });

  it('accepts the browser WebSocket and the ws package', () => {
    expectTypeOf(WS).toExtend<WebSocketConstructor>();
    expectTypeOf<typeof globalThis.WebSocket>().toExtend<WebSocketConstructor>();
  });
});
