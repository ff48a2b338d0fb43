import { afterEach, describe, expect, it } from 'vitest';
import { mount, shadow, textOf, unmountAll } from '../../test-support/mount.js';
import { createWorld, waitFor } from '../../test-support/world.js';

describe('chat-member-list', () => {
  afterEach(unmountAll);

  it('loads the members and shows who is online first, and who is you', async () => {
    const world = createWorld();
    const client = world.client();
    client.connect();
    await waitFor(() => client.store.get().connection.state === 'connected', 'connected');
    const element = await mount('chat-member-list', { channelId: 'general' }, { client });
    const rows = () => [...shadow(element).querySelectorAll('[part="member"]')].map(textOf);
    await waitFor(() => rows().length === 2, 'members');
    expect(rows()).toEqual(['A ada (you) online', 'B bob offline']);
    client.watch('general');
    await waitFor(() => client.store.get().channels.general?.live === true, 'live');
    world.server.broadcast('general', { type: 'presence', channel_id: 'general', user_id: 'u-bob', online: true });
    await waitFor(() => rows()[1] === 'B bob online', 'bob online');
    expect(shadow(element).querySelectorAll('[part="presence"].on').length).toBe(2);
    client.disconnect();
  });
});
