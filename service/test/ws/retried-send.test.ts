import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../../src/adapters/memory-bus/memory-event-bus.js';
import type { ChatEvent } from '../../src/domain/events.js';
import { buildTestApp, type TestApp, waitFor } from '../support/test-app.js';
import { type Frame, subscribedMembers, type TestSocket } from '../support/ws-client.js';

/**
 * A bus that fails the first publish of a message whose content starts with `lost`, as an
 * instance that stored a message and died before publishing it would: the store has it, no
 * subscriber got it, and the sender never saw an ack.
 */
class LosingBus extends MemoryEventBus {
  readonly lost = new Set<string>();
  override publish(event: ChatEvent): Promise<void> {
    if (
      event.kind === 'message' &&
      event.message.content.startsWith('lost') &&
      !this.lost.has(event.message.messageId)
    ) {
      this.lost.add(event.message.messageId);
      return Promise.reject(new Error('the instance died before publishing'));
    }
    return super.publish(event);
  }
}

let t: TestApp;
const bus = new LosingBus();
const sockets: TestSocket[] = [];
const contentOf = (f: Frame) => (f.message as { content: string }).content;

beforeAll(async () => {
  t = await buildTestApp({ overrides: { bus } });
  await t.listen();
});
afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  await t.close();
});

describe('a retried send', () => {
  it('publishes what was stored and never published, once, and not back to the retrying socket', async () => {
    const { channel, members } = await subscribedMembers(t, ['ann', 'bob']);
    const [a, b] = members.map((m) => m.socket) as [TestSocket, TestSocket];
    sockets.push(a, b);

    a.send({ type: 'send', channel_id: channel, content: 'lost once', client_msg_id: 'l1' });
    await a.next((f) => f.type === 'error' && f.client_msg_id === 'l1');
    expect(b.of('message')).toEqual([]);
    a.send({ type: 'send', channel_id: channel, content: 'lost once', client_msg_id: 'l1' }); // the retry
    const ack = await a.next((f) => f.type === 'ack' && f.client_msg_id === 'l1');
    await waitFor(() => b.of('message').length === 1);
    expect(b.of('message')[0]?.message).toEqual(ack.message);

    // Retried again: bob's instance delivered it already and drops the repeat.
    a.send({ type: 'send', channel_id: channel, content: 'lost once', client_msg_id: 'l1' });
    await a.next((f) => f.type === 'ack', 5000, a.frames.indexOf(ack) + 1);
    a.send({ type: 'send', channel_id: channel, content: 'after', client_msg_id: 'l2' });
    await waitFor(() => b.of('message').length === 2);
    expect(b.of('message').map(contentOf)).toEqual(['lost once', 'after']);
    expect(a.of('message').map(contentOf)).toEqual(['after']);
  });
});
