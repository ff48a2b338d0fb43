import type { ChatClient } from '@parley/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatThreadOpenEvent } from '../../events/chat-thread-open.js';
import { mount, rendered, shadow, textOf, unmountAll } from '../../test-support/mount.js';
import { createWorld, type World, waitFor } from '../../test-support/world.js';
import type { ChatMessageList } from './chat-message-list.js';

describe('chat-message-list', () => {
  let world: World;
  let client: ChatClient;
  const bob = 'u-bob';

  beforeEach(() => {
    world = createWorld();
    client = world.client();
  });
  afterEach(() => {
    client.disconnect();
    unmountAll();
  });

  async function list(): Promise<ChatMessageList> {
    client.connect();
    client.watch('general');
    const element = await mount('chat-message-list', { channelId: 'general', channelName: 'general' }, { client });
    await waitFor(
      () => client.store.get().channels.general?.live === true && !client.store.get().channels.general?.loading,
    );
    await rendered(element);
    return element;
  }

  const items = (element: ChatMessageList) => [...shadow(element).querySelectorAll('[part~="message"]')];
  const contents = (element: ChatMessageList) =>
    items(element).map((li) => textOf(li.querySelector('[part="message-content"]')));

  it('shows a loading state, then the empty state of a channel without messages', async () => {
    const element = await mount('chat-message-list', { channelId: 'general', channelName: 'general' }, { client });
    expect(textOf(shadow(element).querySelector('[part~="loading"]'))).toBe('Loading messages…');
    client.connect();
    client.watch('general');
    await waitFor(() => shadow(element).querySelector('[part="empty"]') !== null, 'empty state');
    expect(textOf(shadow(element).querySelector('[part="empty"]'))).toBe('No messages yet. Say hello!');
    expect(shadow(element).querySelector('[part="empty"] slot[name="empty"]')).not.toBeNull();
  });

  it('renders each message with its author, its local time and its text', async () => {
    const posted = world.server.post('general', bob, 'hello ada');
    const element = await list();
    const [item] = items(element);
    expect(textOf(item?.querySelector('[part="message-author"]'))).toBe(bob);
    const time = item?.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(posted.created_at);
    const expected = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(
      new Date(posted.created_at),
    );
    expect(textOf(time)).toBe(expected);
    expect(contents(element)).toEqual(['hello ada']);
  });

  it('renders markup in a message as text and makes only http(s) links clickable', async () => {
    world.server.post(
      'general',
      bob,
      '<img src=x onerror="alert(1)"> see https://example.com/a?b=1. javascript:alert(2)',
    );
    const element = await list();
    const content = items(element)[0]?.querySelector('[part="message-content"]');
    expect(content?.querySelector('img')).toBeNull();
    expect(textOf(content)).toBe('<img src=x onerror="alert(1)"> see https://example.com/a?b=1. javascript:alert(2)');
    const links = [...(content?.querySelectorAll('a') ?? [])];
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.textContent])).toEqual([
      ['https://example.com/a?b=1', 'noopener noreferrer nofollow ugc', 'https://example.com/a?b=1'],
    ]);
  });

  it('shows a pending send, then a failed one with Retry that sends it again', async () => {
    const element = await list();
    world.server.auto = false;
    const clientMsgId = client.send('general', 'are you there?');
    await rendered(element);
    expect(textOf(items(element)[0]?.querySelector('.status'))).toBe('Sending…');
    const socket = world.server.sessions[0]?.socket;
    socket?.push({ type: 'error', code: 'rate_limited', message: 'slow down', client_msg_id: clientMsgId });
    await waitFor(
      () => textOf(items(element)[0]?.querySelector('.status')).startsWith('Not sent: slow down'),
      'failed',
    );
    const [retry, discard] = [...(items(element)[0]?.querySelectorAll<HTMLButtonElement>('.status button') ?? [])];
    expect([retry?.textContent?.trim(), discard?.textContent?.trim()]).toEqual(['Retry', 'Discard']);
    world.server.auto = true;
    retry?.click();
    await waitFor(() => items(element)[0]?.querySelector('.status') === null, 'sent');
    expect(world.server.channels.get('general')?.map((m) => m.content)).toEqual(['are you there?']);
  });

  it('drops a failed send on Discard', async () => {
    const element = await list();
    client.send('general', ' ');
    await rendered(element);
    expect(textOf(items(element)[0]?.querySelector('.status'))).toContain('Not sent: content must not be blank');
    items(element)[0]?.querySelectorAll<HTMLButtonElement>('.status button')[1]?.click();
    await rendered(element);
    expect(items(element)).toEqual([]);
  });

  it('opens the thread of a message from its Reply action', async () => {
    const posted = world.server.post('general', bob, 'thread me');
    const element = await list();
    const opened: string[] = [];
    element.addEventListener('chat-thread-open', (e: ChatThreadOpenEvent) => opened.push(e.messageId));
    const reply = items(element)[0]?.querySelector<HTMLButtonElement>('button.reply');
    expect(reply?.getAttribute('aria-label')).toBe(`Reply to ${bob}`);
    reply?.click();
    expect(opened).toEqual([posted.message_id]);
    expect(element.focusThreadButton(posted.message_id)).toBe(true);
  });

  it('shows the reply count of a message', async () => {
    const posted = world.server.post('general', bob, 'popular');
    const element = await list();
    world.server.postReply(posted.message_id, { id: bob, name: 'bob', email: '', created_at: '' }, 'one');
    await waitFor(() => textOf(items(element)[0]?.querySelector('.reply-count')) === '1 reply', 'reply count');
  });

  it('says who is typing, by name', async () => {
    world.server.post('general', bob, 'hi');
    const element = await list();
    world.server.broadcast('general', { type: 'typing', channel_id: 'general', user_id: bob, typing: true });
    await waitFor(() => textOf(shadow(element).querySelector('[part="typing"]')) === `${bob} is typing…`, 'typing');
  });

  it('announces new messages from others in a log region, and not the history', async () => {
    world.server.post('general', bob, 'old news');
    const element = await list();
    const log = shadow(element).querySelector('[role="log"]');
    expect(log?.getAttribute('aria-live')).toBe('polite');
    expect(textOf(log)).toBe('');
    world.server.post('general', bob, 'fresh');
    client.send('general', 'mine');
    await waitFor(() => contents(element).length === 3, 'three messages');
    expect(textOf(log)).toBe(`${bob}: fresh`);
  });

  it('loads older pages when scrolled to the top, without duplicates', async () => {
    for (let i = 1; i <= 12; i += 1) world.server.post('general', bob, `m${i}`);
    const element = await list();
    await waitFor(() => contents(element).length === 12, 'all pages (the list never filled the view)');
    expect(contents(element)).toEqual(Array.from({ length: 12 }, (_, i) => `m${i + 1}`));
    expect(textOf(shadow(element).querySelector('.beginning'))).toBe('This is the beginning of #general.');
  });
});
