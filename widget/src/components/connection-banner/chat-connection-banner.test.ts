import { afterEach, describe, expect, it } from 'vitest';
import { mount, shadow, textOf, unmountAll } from '../../test-support/mount.js';
import { createWorld, waitFor } from '../../test-support/world.js';
import type { ChatConnectionBanner } from './chat-connection-banner.js';

describe('chat-connection-banner', () => {
  afterEach(unmountAll);

  const text = (element: ChatConnectionBanner) => textOf(shadow(element).querySelector('[part="banner"]'));

  it('says nothing while connected, "Reconnecting" when the connection drops, and recovers', async () => {
    const world = createWorld();
    const client = world.client();
    const element = await mount('chat-connection-banner', {}, { client });
    expect(element.state).toBe('hidden');
    client.connect();
    await waitFor(() => element.state === 'hidden' && client.store.get().connection.state === 'connected');
    world.server.refuse = true;
    world.server.dropAll(1006);
    await waitFor(() => text(element) === 'Connection lost. Reconnecting…', 'reconnecting banner');
    expect(shadow(element).querySelector('[role="status"]')).not.toBeNull();
    world.server.refuse = false;
    await waitFor(() => shadow(element).querySelector('[part="banner"]') === null, 'banner gone');
    client.disconnect();
  });

  it('offers to reconnect when the server refused the connection', async () => {
    const world = createWorld();
    const client = world.client('token-nobody');
    const element = await mount('chat-connection-banner', {}, { client });
    client.connect();
    await waitFor(() => element.state === 'disconnected', 'disconnected');
    expect(text(element)).toBe('Disconnected from the chat. Reconnect');
    world.server.addUser('nobody');
    shadow(element).querySelector('button')?.click();
    await waitFor(() => client.store.get().connection.state === 'connected', 'connected again');
    client.disconnect();
  });

  it('says when the browser is offline', async () => {
    const world = createWorld();
    const client = world.client();
    const element = await mount('chat-connection-banner', {}, { client });
    client.connect();
    world.server.refuse = true;
    world.server.dropAll(1006);
    element.online = false;
    await waitFor(() => text(element) === 'You are offline. Messages will be sent when you are back.', 'offline');
    client.disconnect();
  });
});
