import { afterEach, describe, expect, it } from 'vitest';
import type { ChatErrorEvent } from '../../events/chat-error.js';
import { mount, rendered, shadow, textOf, unmountAll } from '../../test-support/mount.js';
import { createWorld, waitFor } from '../../test-support/world.js';
import type { ChatSignIn } from './chat-sign-in.js';

function fill(element: ChatSignIn, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = shadow(element).querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) throw new Error(`no ${name} field`);
    input.value = value;
  }
  shadow(element)
    .querySelector('form')
    ?.dispatchEvent(new Event('submit', { cancelable: true }));
}

describe('chat-sign-in', () => {
  afterEach(unmountAll);

  async function signIn() {
    const world = createWorld();
    const client = world.client('');
    const element = await mount('chat-sign-in', {}, { client });
    const tokens: string[] = [];
    const errors: string[] = [];
    element.addEventListener('chat-session-start', (e) => tokens.push(e.token));
    element.addEventListener('chat-error', (e: ChatErrorEvent) => errors.push(e.error.message));
    return { world, client, element, tokens, errors };
  }

  it('labels every field', async () => {
    const { element } = await signIn();
    const labels = [...shadow(element).querySelectorAll('label')].map((l) => [
      textOf(l),
      l.querySelector('input')?.name,
    ]);
    expect(labels).toEqual([
      ['E-mail', 'email'],
      ['Password', 'password'],
    ]);
  });

  it('signs in and hands over the token', async () => {
    const { element, tokens, client } = await signIn();
    fill(element, { email: 'ada@example.com', password: 'secret' });
    await waitFor(() => tokens.length === 1, 'token');
    expect(tokens).toEqual(['token-ada']);
    expect(client.store.get().user?.name).toBe('ada');
  });

  it("shows the server's error when signing in fails", async () => {
    const { element, tokens, errors } = await signIn();
    fill(element, { email: 'who@example.com', password: 'nope' });
    await waitFor(() => errors.length === 1, 'error');
    await rendered(element);
    expect(textOf(shadow(element).querySelector('[role="alert"]'))).toBe('invalid email or password');
    expect(tokens).toEqual([]);
  });

  it('registers a new account and signs it in', async () => {
    const { element, tokens } = await signIn();
    shadow(element).querySelector<HTMLButtonElement>('.link')?.click();
    await rendered(element);
    expect(textOf(shadow(element).querySelector('h2'))).toBe('Create your account');
    fill(element, { username: 'cleo', email: 'cleo@example.com', password: 'secret' });
    await waitFor(() => tokens.length === 1, 'token');
    expect(tokens).toEqual(['token-cleo']);
  });

  it('shows a registration conflict from the server', async () => {
    const { element, errors } = await signIn();
    element.mode = 'register';
    await rendered(element);
    fill(element, { username: 'dup', email: 'taken@example.com', password: 'secret' });
    await waitFor(() => errors.length === 1, 'error');
    await rendered(element);
    expect(textOf(shadow(element).querySelector('[role="alert"]'))).toBe('email already registered');
  });
});
