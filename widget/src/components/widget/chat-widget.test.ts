import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatChannelChangeEvent } from '../../events/chat-channel-change.js';
import type { ChatErrorEvent } from '../../events/chat-error.js';
import type { ChatReadyEvent } from '../../events/chat-ready.js';
import { rendered, shadow, textOf, unmountAll } from '../../test-support/mount.js';
import { createWorld, type World, waitFor } from '../../test-support/world.js';
import type { ChatWidget } from './chat-widget.js';
import '../../define.js';

describe('chat-widget', () => {
  let world: World;
  let events: string[];

  beforeEach(() => {
    world = createWorld();
    events = [];
    localStorage.clear();
  });
  afterEach(unmountAll);

  async function widget(attributes: Record<string, string> = {}): Promise<ChatWidget> {
    const element = document.createElement('chat-widget');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    const { url: _url, token: _token, ...options } = world.options();
    element.clientOptions = options;
    element.endpoint = 'http://parley.test';
    element.addEventListener('chat-ready', (e: ChatReadyEvent) => events.push(`ready:${e.user.name}`));
    element.addEventListener('chat-channel-change', (e: ChatChannelChangeEvent) => events.push(`channel:${e.name}`));
    element.addEventListener('chat-error', (e: ChatErrorEvent) => events.push(`error:${e.error.message}`));
    document.body.append(element);
    await rendered(element);
    return element;
  }

  const part = (element: ChatWidget, name: string) => shadow(element).querySelector(`[part~="${name}"]`);

  it('shows the sign-in form without a token, then the chat once signed in', async () => {
    const element = await widget({ 'storage-key': 'parley.test' });
    const signIn = part(element, 'sign-in');
    expect(signIn).not.toBeNull();
    const form = signIn?.shadowRoot;
    for (const [name, value] of [
      ['email', 'ada@example.com'],
      ['password', 'pw'],
    ] as const) {
      const input = form?.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (input) input.value = value;
    }
    form?.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await waitFor(() => events.includes('channel:general'), 'first channel shown');
    expect(events).toEqual(['ready:ada', 'channel:general']);
    expect(localStorage.getItem('parley.test')).toBe('token-ada');
    expect(part(element, 'sidebar')).not.toBeNull();
    expect(part(element, 'message-list')?.getAttribute('channel-id')).toBe('general');
    element.client?.disconnect();
  });

  it('connects with a token and shows the channel it is given, alone, in the single layout', async () => {
    const element = await widget({ token: 'token-ada', layout: 'single', channel: 'general' });
    await waitFor(() => part(element, 'composer') !== null, 'composer');
    expect(part(element, 'sidebar')).toBeNull();
    expect(textOf(part(element, 'channel-header')?.shadowRoot?.querySelector('h2'))).toBe('#general');
    expect(events).toEqual(['ready:ada', 'channel:general']);
    element.client?.disconnect();
  });

  it('invites the user to join a channel they are not in, then lets them write', async () => {
    const element = await widget({ token: 'token-ada', channel: 'random' });
    await waitFor(() => part(element, 'join') !== null, 'join overlay');
    const join = part(element, 'join');
    expect(textOf(join)).toBe('You are not a member of #random yet. Join to read and send messages. Join #random');
    join?.querySelector('button')?.click();
    await waitFor(() => part(element, 'composer') !== null, 'composer after joining');
    expect(world.members.get('random')?.has('u-ada')).toBe(true);
    element.client?.disconnect();
  });

  it('opens a thread from a message and gives the focus back to its Reply action when it closes', async () => {
    const parent = world.server.post('general', 'u-bob', 'question');
    const element = await widget({ token: 'token-ada' });
    const list = () => part(element, 'message-list')?.shadowRoot;
    await waitFor(
      () => list()?.querySelector('button.reply') !== null && list()?.querySelector('button.reply') !== undefined,
    );
    list()?.querySelector<HTMLButtonElement>('button.reply')?.click();
    await waitFor(() => part(element, 'thread') !== null, 'thread panel');
    const thread = part(element, 'thread');
    expect(thread?.getAttribute('message-id')).toBe(parent.message_id);
    thread?.shadowRoot?.querySelector<HTMLButtonElement>('button.close')?.click();
    await waitFor(() => part(element, 'thread') === null, 'thread closed');
    await rendered(element);
    expect(list()?.activeElement?.getAttribute('data-thread')).toBe(parent.message_id);
    element.client?.disconnect();
  });

  it('reports a refused token as chat-error and in its error region, never by throwing', async () => {
    const element = await widget({ token: 'token-nobody' });
    await waitFor(() => events.some((e) => e.startsWith('error:')), 'error event');
    await rendered(element);
    expect(part(element, 'error')?.getAttribute('role')).toBe('alert');
    expect(textOf(part(element, 'error'))).toContain('authentication failed');
  });

  it('signs out to the sign-in form and forgets the kept token', async () => {
    localStorage.setItem('parley.test', 'token-ada');
    const element = await widget({ 'storage-key': 'parley.test' });
    await waitFor(() => part(element, 'sidebar') !== null && events.includes('ready:ada'), 'signed in from storage');
    part(element, 'sidebar')?.shadowRoot?.querySelector<HTMLButtonElement>('[part="account"] button')?.click();
    await waitFor(() => part(element, 'sign-in') !== null, 'sign-in form');
    expect(localStorage.getItem('parley.test')).toBeNull();
  });

  it('reflects its theme and layout, and follows lang with the strings registered for it', async () => {
    const element = await widget({ theme: 'dark', lang: 'fr' });
    expect(element.getAttribute('theme')).toBe('dark');
    expect(element.getAttribute('layout')).toBe('full');
    const title = () => textOf(part(element, 'sign-in')?.shadowRoot?.querySelector('h2'));
    expect(title()).toBe('Sign in to chat');
    await import('../../locales/fr.js');
    await waitFor(() => title() === 'Connectez-vous pour discuter', 'French once registered');
  });
});
