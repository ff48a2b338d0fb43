import type { ChatClient } from '@parley/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatPanelToggleEvent } from '../../events/chat-panel-toggle.js';
import { ChannelDirectory } from '../../lib/channel-directory.js';
import { mount, rendered, shadow, textOf, unmountAll } from '../../test-support/mount.js';
import { createWorld, type World, waitFor } from '../../test-support/world.js';

describe('chat-channel-header', () => {
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

  const header = () =>
    mount('chat-channel-header', { channelId: 'general', channelName: 'general' }, { client, directory });

  it('names the channel and counts its members once they are loaded', async () => {
    const element = await header();
    expect(textOf(shadow(element).querySelector('h2'))).toBe('#general');
    expect(textOf(shadow(element).querySelector('[part="members-button"]'))).toBe('Members');
    await client.loadMembers('general');
    await rendered(element);
    expect(textOf(shadow(element).querySelector('[part="members-button"]'))).toBe('2 members');
  });

  it('toggles the member list and says whether it is open', async () => {
    const element = await header();
    const toggles: string[] = [];
    element.addEventListener('chat-panel-toggle', (e: ChatPanelToggleEvent) => toggles.push(e.panel));
    const button = shadow(element).querySelector<HTMLButtonElement>('[part="members-button"]');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    button?.click();
    expect(toggles).toEqual(['members']);
    element.membersOpen = true;
    await rendered(element);
    expect(button?.getAttribute('aria-expanded')).toBe('true');
  });

  it('leaves the channel', async () => {
    const element = await header();
    const leave = shadow(element).querySelector<HTMLButtonElement>('[part="leave-button"]');
    expect(leave?.getAttribute('aria-label')).toBe('Leave #general');
    leave?.click();
    await waitFor(() => !directory.isMember('general'), 'left');
    expect(world.members.get('general')?.has('u-ada')).toBe(false);
    await rendered(element);
    expect(shadow(element).querySelector('[part="leave-button"]')).toBeNull();
  });
});
