import type { ChatClient } from '@parley/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelDirectory } from '../../lib/channel-directory.js';
import { mount, rendered, shadow, textOf, unmountAll } from '../../test-support/mount.js';
import { createWorld, type World, waitFor } from '../../test-support/world.js';
import type { ChatChannelList } from './chat-channel-list.js';

describe('chat-channel-list', () => {
  let world: World;
  let client: ChatClient;
  let directory: ChannelDirectory;

  beforeEach(async () => {
    world = createWorld();
    client = world.client();
    directory = new ChannelDirectory(client);
    client.connect();
    await waitFor(() => client.store.get().connection.state === 'connected', 'connected');
    await directory.refresh();
  });
  afterEach(() => {
    client.disconnect();
    unmountAll();
  });

  const list = () => mount('chat-channel-list', { activeId: 'general' }, { client, directory });
  const section = (element: ChatChannelList, id: string) =>
    [...shadow(element).querySelectorAll(`ul[aria-labelledby="${id}"] [part="channel"]`)].map((b) =>
      textOf(b.querySelector('.name')),
    );

  it('lists my channels and the others, marking the current one', async () => {
    const element = await list();
    expect(section(element, 'mine')).toEqual(['general']);
    expect(section(element, 'others')).toEqual(['random']);
    const current = shadow(element).querySelector('[aria-current="page"]');
    expect(textOf(current)).toBe('#general');
  });

  it('badges unread messages of channels other than the current one', async () => {
    world.members.get('random')?.add('u-ada');
    await directory.refresh();
    const element = await list();
    world.server.post('random', 'u-bob', 'psst');
    await waitFor(() => shadow(element).querySelector('[part="channel-badge"]') !== null, 'badge');
    expect(textOf(shadow(element).querySelector('[part="channel-badge"]'))).toBe('11 unread message');
  });

  it('asks for a channel when one is picked', async () => {
    const element = await list();
    const picked: string[] = [];
    element.addEventListener('chat-channel-select', (e) => picked.push(e.channelId));
    shadow(element).querySelectorAll<HTMLButtonElement>('[part="channel"]')[1]?.click();
    expect(picked).toEqual(['random']);
  });

  it('creates a channel from "+ Add channel", joins it and picks it', async () => {
    const element = await list();
    const picked: string[] = [];
    element.addEventListener('chat-channel-select', (e) => picked.push(e.channelId));
    const add = shadow(element).querySelector<HTMLButtonElement>('[part="add-button"]');
    expect(textOf(add)).toBe('+ Add channel');
    add?.click();
    await rendered(element);
    const input = shadow(element).querySelector('input');
    expect(input?.getAttribute('aria-label')).toBe('Channel name');
    if (input) input.value = 'design';
    shadow(element)
      .querySelector('form')
      ?.dispatchEvent(new Event('submit', { cancelable: true }));
    await waitFor(() => picked.length === 1, 'picked');
    expect(picked).toEqual(['c-3']);
    await rendered(element);
    expect(section(element, 'mine')).toEqual(['design', 'general']);
  });

  it('shows who is signed in and signs out', async () => {
    const element = await list();
    let ended = 0;
    element.addEventListener('chat-session-end', () => (ended += 1));
    const account = shadow(element).querySelector('[part="account"]');
    expect(textOf(account?.querySelector('.me'))).toBe('ada');
    account?.querySelector('button')?.click();
    expect(ended).toBe(1);
  });
});
