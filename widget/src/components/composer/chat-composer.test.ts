import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessageSendEvent } from '../../events/chat-message-send.js';
import { mount, rendered, shadow, unmountAll } from '../../test-support/mount.js';
import { createWorld, type World, waitFor } from '../../test-support/world.js';
import type { ChatComposer } from './chat-composer.js';

function type(composer: ChatComposer, text: string): HTMLTextAreaElement {
  const input = shadow(composer).querySelector('textarea');
  if (!input) throw new Error('no textarea');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  return input;
}

const press = (input: HTMLTextAreaElement, init: KeyboardEventInit) =>
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init }));

describe('chat-composer', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });
  afterEach(unmountAll);

  async function composer(properties: Partial<ChatComposer> = {}) {
    const client = world.client();
    client.connect();
    client.watch('general');
    await waitFor(() => client.store.get().channels.general?.live === true, 'live');
    const element = await mount(
      'chat-composer',
      { channelId: 'general', label: 'Message #general', ...properties },
      { client },
    );
    return { client, element };
  }

  it('sends on Enter, clears the box and keeps the focus there', async () => {
    const { client, element } = await composer();
    const input = type(element, 'hello there');
    input.focus();
    press(input, {});
    await rendered(element);
    expect(client.store.get().channels.general?.messages.map((m) => m.content)).toEqual(['hello there']);
    expect(input.value).toBe('');
    expect(shadow(element).activeElement).toBe(input);
    await waitFor(() => world.server.channels.get('general')?.length === 1, 'stored');
  });

  it('adds a new line on Shift+Enter instead of sending', async () => {
    const { client, element } = await composer();
    const input = type(element, 'line one');
    expect(press(input, { shiftKey: true })).toBe(true);
    expect(client.store.get().channels.general?.messages).toEqual([]);
  });

  it('does not send blank text', async () => {
    const { client, element } = await composer();
    press(type(element, '   \n '), {});
    expect(client.store.get().channels.general?.messages).toEqual([]);
    expect(shadow(element).querySelector('button')?.disabled).toBe(true);
  });

  it('announces the send as a cancelable chat-message-send and keeps the text when canceled', async () => {
    const { client, element } = await composer();
    const seen: ChatMessageSendEvent[] = [];
    element.addEventListener('chat-message-send', (event) => {
      seen.push(event);
      event.preventDefault();
    });
    const input = type(element, 'not this');
    press(input, {});
    expect(seen.map((e) => [e.channelId, e.content, e.threadId, e.composed])).toEqual([
      ['general', 'not this', '', true],
    ]);
    expect(client.store.get().channels.general?.messages).toEqual([]);
    expect(input.value).toBe('not this');
  });

  it('replies in the thread it belongs to', async () => {
    const bob = world.server.addUser('bobby');
    const parent = world.server.post('general', bob.user.id, 'parent');
    const { client, element } = await composer({ threadId: parent.message_id });
    await client.openThread(parent.message_id);
    press(type(element, 'a reply'), {});
    await waitFor(() => world.server.replies.get(parent.message_id)?.length === 1, 'reply stored');
    expect(client.store.get().threads[parent.message_id]?.replies.map((r) => r.content)).toEqual(['a reply']);
  });

  it('tells the channel the user is typing', async () => {
    const { element } = await composer();
    type(element, 'h');
    const frames = world.server.sessions[0]?.socket.frames ?? [];
    expect(frames.some((f) => f.type === 'typing' && f.channel_id === 'general')).toBe(true);
  });

  it('labels the text area and the send button', async () => {
    const { element } = await composer();
    const root = shadow(element);
    expect(root.querySelector('textarea')?.getAttribute('aria-label')).toBe('Message #general');
    expect(root.querySelector('button')?.textContent?.trim()).toBe('Send');
  });
});
