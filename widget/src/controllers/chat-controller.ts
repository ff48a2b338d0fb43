import { ContextConsumer } from '@lit/context';
import type { ChatClient, ChatState } from '@parley/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clientContext, directoryContext, i18nContext } from '../context.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import type { ChannelDirectory, DirectoryState } from '../lib/channel-directory.js';

type Host = ReactiveControllerHost & HTMLElement;

/** What a component reads: the parts of the state it renders (compared item by item). */
export type Watch = (chat: ChatState, directory: DirectoryState | undefined) => readonly unknown[];
/** Called with each client provided; returns what undoes it (e.g. `client.on(...)`'s unsubscribe). */
export type Attach = (client: ChatClient) => () => void;

const fallbackTranslator = createTranslator('en');

/**
 * Gives a component the client, the channel directory and the translator from the context of
 * the enclosing `<chat-widget>`, and re-renders it when what `watch` picks from the client's
 * or the directory's state changes (nothing else).
 */
export class ChatController implements ReactiveController {
  readonly #host: Host;
  readonly #watch: Watch;
  readonly #attach: Attach | undefined;
  readonly #client: ContextConsumer<typeof clientContext, Host>;
  readonly #directory: ContextConsumer<typeof directoryContext, Host>;
  readonly #i18n: ContextConsumer<typeof i18nContext, Host>;
  #offs: Array<() => void> = [];
  #seen: readonly unknown[] = [];

  constructor(host: Host, watch: Watch, attach?: Attach) {
    this.#host = host;
    this.#watch = watch;
    this.#attach = attach;
    const resubscribe = () => this.#subscribe();
    this.#client = new ContextConsumer(host, { context: clientContext, subscribe: true, callback: resubscribe });
    this.#directory = new ContextConsumer(host, { context: directoryContext, subscribe: true, callback: resubscribe });
    this.#i18n = new ContextConsumer(host, { context: i18nContext, subscribe: true });
    host.addController(this);
  }

  get client(): ChatClient | undefined {
    return this.#client.value;
  }

  get directory(): ChannelDirectory | undefined {
    return this.#directory.value;
  }

  get i18n(): Translator {
    return this.#i18n.value ?? fallbackTranslator;
  }

  /** The client's current state (an empty one before a client is provided). */
  get chat(): ChatState {
    return this.client?.store.get() ?? EMPTY;
  }

  get channels(): DirectoryState | undefined {
    return this.directory?.store.get();
  }

  hostConnected(): void {
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#unsubscribe();
  }

  #subscribe(): void {
    this.#unsubscribe();
    const check = () => {
      const next = this.#watch(this.chat, this.channels);
      if (next.length === this.#seen.length && next.every((v, i) => Object.is(v, this.#seen[i]))) return;
      this.#seen = next;
      this.#host.requestUpdate();
    };
    const client = this.client;
    const directory = this.directory;
    if (client) this.#offs.push(client.store.subscribe(check));
    if (client && this.#attach) this.#offs.push(this.#attach(client));
    if (directory) this.#offs.push(directory.store.subscribe(check));
    this.#seen = [];
    check();
  }

  #unsubscribe(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
  }
}

const EMPTY: ChatState = {
  connection: { state: 'disconnected', code: 0, reason: '' },
  user: undefined,
  channels: {},
  threads: {},
  presence: {},
};
