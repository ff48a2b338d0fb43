import { describe, expect, it } from 'vitest';
import { createWorld, waitFor } from '../test-support/world.js';
import { keepMembersCurrent } from './member-sync.js';

describe('keepMembersCurrent', () => {
  it('reloads a loaded member list when someone it does not know writes', async () => {
    const world = createWorld();
    const client = world.client();
    const stop = keepMembersCurrent(client);
    client.connect();
    client.watch('general');
    await waitFor(() => client.store.get().channels.general?.live === true, 'live');
    await client.loadMembers('general');
    const names = () => client.store.get().channels.general?.members?.map((m) => m.name);
    expect(names()).toEqual(['ada', 'bob']);
    const { user } = world.server.addUser('cleo');
    world.server.post('general', user.id, 'hi, I just joined');
    await waitFor(() => names()?.length === 3, 'cleo in the list');
    const calls = world.server.restCalls.filter((c) => c.endsWith('/members')).length;
    world.server.post('general', user.id, 'again');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(world.server.restCalls.filter((c) => c.endsWith('/members')).length).toBe(calls);
    stop();
    client.disconnect();
  });
});
