import { ContextProvider } from '@lit/context';
import {
  type ChatClient,
  type ChatClientOptions,
  type ChatUser,
  createChatClient,
  StateCode,
  type StateEvent,
  type TokenProvider,
} from '@parley/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clientContext, directoryContext } from '../context.js';
import type { ChatErrorDetail } from '../events/chat-error.js';
import { ChannelDirectory } from '../lib/channel-directory.js';
import { keepMembersCurrent } from '../lib/member-sync.js';
import { tokenStore } from '../lib/token-store.js';

/** What the session reads from its host (`<chat-widget>`). */
export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  readonly hasUpdated: boolean;
  endpoint: string;
  token: string;
  tokenProvider: TokenProvider | undefined;
  storageKey: string;
  pageSize: number;
  clientOptions: Partial<ChatClientOptions> | undefined;
}

export interface SessionCallbacks {
  ready(user: ChatUser): void;
  error(error: ChatErrorDetail): void;
}

/** How often the channel lists are reloaded while connected (Parley does not push new channels). */
const POLL_MS = 60_000;

/** Close codes and client codes that mean: this token will not do, sign in again. */
const REFUSED = new Set<number>([4401, 4500, StateCode.Unauthorized]);

/**
 * The widget's session: one SDK client (and channel directory) for the current endpoint and
 * credentials, provided to the elements inside through @lit/context. A client is made anew
 * when the endpoint or the credentials change, and on sign-out; the old one is disconnected.
 */
export class SessionController implements ReactiveController {
  readonly #host: SessionHost;
  readonly #callbacks: SessionCallbacks;
  readonly #clients: ContextProvider<typeof clientContext, SessionHost>;
  readonly #directories: ContextProvider<typeof directoryContext, SessionHost>;
  #offs: Array<() => void> = [];
  #inputs: readonly unknown[] = [];
  /** A token from the sign-in form (or storage) rather than from the host. */
  #signedInToken = '';
  #ready = false;
  /** Why the user has to sign in again, when they do. */
  notice: '' | 'sessionEnded' = '';

  constructor(host: SessionHost, callbacks: SessionCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    this.#clients = new ContextProvider(host, { context: clientContext });
    this.#directories = new ContextProvider(host, { context: directoryContext });
    host.addController(this);
  }

  get client(): ChatClient | undefined {
    return this.#clients.value;
  }

  get directory(): ChannelDirectory | undefined {
    return this.#directories.value;
  }

  /** No credentials and nobody signed in: the sign-in form is due. */
  get signedOut(): boolean {
    const { token, tokenProvider } = this.#host;
    return !token && !tokenProvider && !this.#signedInToken && !this.client?.store.get().user;
  }

  /** A widget moved in the page gets a client again (the first one is made by the first update). */
  hostConnected(): void {
    if (this.#host.hasUpdated) this.sync();
  }

  hostDisconnected(): void {
    this.#teardown();
    this.#inputs = [];
  }

  /** Makes a client when the endpoint or credentials changed since the last one. */
  sync(): void {
    const { endpoint, token, tokenProvider, storageKey, pageSize, clientOptions } = this.#host;
    const inputs = [endpoint, token, tokenProvider, storageKey, pageSize, clientOptions];
    if (this.client && inputs.every((v, i) => Object.is(v, this.#inputs[i]))) return;
    this.#inputs = inputs;
    this.#signedInToken = token || tokenProvider ? '' : tokenStore.get(storageKey);
    this.#start();
  }

  /** The sign-in form got a token: keep it (when asked to) and connect. */
  signIn(token: string): void {
    this.#signedInToken = token;
    this.notice = '';
    tokenStore.set(this.#host.storageKey, token);
    this.#connect();
    this.#host.requestUpdate();
  }

  /** Forgets the user and starts over with a fresh client (the sign-in form, unless the host gives a token). */
  signOut(notice: '' | 'sessionEnded' = ''): void {
    this.#signedInToken = '';
    this.notice = notice;
    tokenStore.set(this.#host.storageKey, '');
    this.#start();
  }

  #start(): void {
    this.#teardown();
    const { endpoint, token, tokenProvider, pageSize, clientOptions } = this.#host;
    const url = endpoint || globalThis.location?.origin || '';
    const credentials = tokenProvider ?? (token || this.#signedInToken || undefined);
    const client = createChatClient({
      ...clientOptions,
      url,
      token: credentials,
      ...(pageSize > 0 ? { pageSize } : {}),
    });
    const directory = new ChannelDirectory(client);
    this.#offs = [
      client.on('state', (event) => this.#onState(event, directory)),
      client.on('error', (error) => this.#callbacks.error(error)),
      client.store.select(
        (s) => [s.connection, s.user] as const,
        () => this.#host.requestUpdate(),
        { equals: same },
      ),
      directory.store.subscribe(() => this.#host.requestUpdate()),
      keepMembersCurrent(client),
      pollWhileConnected(client, directory),
    ];
    this.#clients.setValue(client);
    this.#directories.setValue(directory);
    if (credentials) this.#connect();
    this.#host.requestUpdate();
  }

  #connect(): void {
    try {
      this.client?.connect();
    } catch (err) {
      this.#callbacks.error({ code: 'unavailable', message: err instanceof Error ? err.message : String(err) });
    }
  }

  #onState(event: StateEvent, directory: ChannelDirectory): void {
    const client = this.client;
    if (!client || directory !== this.directory) return;
    if (event.state === 'connected') {
      void directory.refresh().then((error) => error && this.#callbacks.error(error));
      const user = client.store.get().user;
      if (!this.#ready && user) {
        this.#ready = true;
        this.#callbacks.ready(user);
      }
    } else if (event.state === 'disconnected' && REFUSED.has(event.code)) {
      this.#callbacks.error({ code: 'unauthorized', message: event.reason || 'unauthorized' });
      if (this.#signedInToken) this.signOut('sessionEnded');
    }
  }

  #teardown(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#ready = false;
    this.client?.disconnect();
  }
}

/** Reloads the channel lists every minute while connected, and when the page becomes visible again. */
function pollWhileConnected(client: ChatClient, directory: ChannelDirectory): () => void {
  const refresh = () => {
    if (client.store.get().connection.state === 'connected') void directory.refreshIfStale(POLL_MS / 2);
  };
  const timer = setInterval(refresh, POLL_MS);
  const onVisible = () => document.visibilityState === 'visible' && refresh();
  globalThis.document?.addEventListener('visibilitychange', onVisible);
  return () => {
    clearInterval(timer);
    globalThis.document?.removeEventListener('visibilitychange', onVisible);
  };
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.every((v, i) => Object.is(v, b[i]));
