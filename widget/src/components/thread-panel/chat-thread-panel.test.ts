import type { ChatClient } from '@parley/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mount, rendered, shadow, textOf, unmountAll } from '../../test-support/mount.js';
import { createWorld, type World, waitFor } from '../../test-support/world.js';
import type { ChatThreadPanel } from './chat-thread-panel.js';

describe('chat-thread-panel', () => {
  let world: World;
  let client: ChatClient;
  let parentId: string;
  const bob = { id: 'u-bob', name: 'bob', email: '', created_at: '' };

  beforeEach(async () => {
    world = createWorld();
    parentId = world.server.post('general', bob.id, 'the question').message_id;
    for (let i = 1; i <= 7; i += 1) world.server.postReply(parentId, bob, `r${i}`);
    client = world.client();
    client.connect();
    client.watch('general');
    await waitFor(() => (client.store.get().channels.general?.messages.length ?? 0) === 1, 'history');
  });
  afterEach(() => {
    client.disconnect();
    unmountAll();
  });

  const replies = (panel: ChatThreadPanel) =>
    [...shadow(panel).querySelectorAll('.replies > ol:not(.parent) [part="message-content"]')].map(textOf);

  async function panel(): Promise<ChatThreadPanel> {
    const element = await mount('chat-thread-panel', { channelId: 'general', messageId: parentId }, { client });
    await waitFor(() => replies(element).length === 5, 'newest page of replies');
    return element;
  }

  it('shows the parent message and the newest replies, oldest first', async () => {
    const element = await panel();
    expect(textOf(shadow(element).querySelector('.parent [part="message-content"]'))).toBe('the question');
    expect(replies(element)).toEqual(['r3', 'r4', 'r5', 'r6', 'r7']);
  });

  it('pages in older replies on demand, without duplicates', async () => {
    const element = await panel();
    const older = shadow(element).querySelector<HTMLButtonElement>('button.older');
    expect(textOf(older)).toBe('Load older replies');
    older?.click();
    await waitFor(() => replies(element).length === 7, 'all replies');
    expect(replies(element)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(shadow(element).querySelector('button.older')).toBeNull();
  });

  it('shows live replies', async () => {
    const element = await panel();
    world.server.postReply(parentId, bob, 'r8');
    await waitFor(() => replies(element).at(-1) === 'r8', 'live reply');
  });

  it('focuses its reply box when opened', async () => {
    const element = await panel();
    await rendered(element);
    const composer = shadow(element).querySelector('chat-composer');
    expect(shadow(element).activeElement).toBe(composer);
    expect(composer?.getAttribute('thread-id')).toBe(parentId);
  });

  it('closes on Escape and on its close button, and stops following the thread when removed', async () => {
    const element = await panel();
    const closed: string[] = [];
    element.addEventListener('chat-thread-close', (e) => closed.push(e.messageId));
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    const close = shadow(element).querySelector<HTMLButtonElement>('button.close');
    expect(close?.getAttribute('aria-label')).toBe('Close the thread');
    close?.click();
    expect(closed).toEqual([parentId, parentId]);
    element.remove();
    expect(client.store.get().threads[parentId]).toBeUndefined();
  });
});
