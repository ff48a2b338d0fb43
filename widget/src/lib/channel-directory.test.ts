import { describe, expect, it } from 'vitest';
import { createWorld, waitFor } from '../test-support/world.js';
import { ChannelDirectory } from './channel-directory.js';

describe('ChannelDirectory', () => {
  async function directory() {
    const world = createWorld();
    const client = world.client();
    client.connect();
    await waitFor(() => client.store.get().connection.state === 'connected', 'connected');
    return { world, client, directory: new ChannelDirectory(client) };
  }

  it('loads all channels and mine, and watches mine', async () => {
    const { client, directory: d } = await directory();
    expect(await d.refresh()).toBeUndefined();
    const state = d.store.get();
    expect([state.loaded, state.all.map((c) => c.name), state.mine.map((c) => c.name)]).toEqual([
      true,
      ['general', 'random'],
      ['general'],
    ]);
    expect(Object.keys(client.store.get().channels)).toEqual(['general']);
    client.disconnect();
  });

  it('joins and leaves, watching and unwatching the channel', async () => {
    const { world, client, directory: d } = await directory();
    await d.refresh();
    expect(await d.join('random')).toBeUndefined();
    expect([d.isMember('random'), world.members.get('random')?.has('u-ada')]).toEqual([true, true]);
    await waitFor(() => client.store.get().channels.random?.live === true, 'random live');
    expect(await d.leave('random')).toBeUndefined();
    expect(d.isMember('random')).toBe(false);
    expect(client.store.get().channels.random?.live).toBe(false);
    client.disconnect();
  });

  it('returns failures as data', async () => {
    const { world, client, directory: d } = await directory();
    expect((await d.join('nope'))?.code).toBe('not_found');
    world.server.restDown = true;
    expect((await d.refresh())?.code).toBe('unavailable');
    expect(d.store.get().error?.code).toBe('unavailable');
    client.disconnect();
  });
});
