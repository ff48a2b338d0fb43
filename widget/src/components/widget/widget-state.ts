import type { SessionController } from '../../controllers/session-controller.js';

/**
 * The widget's custom states (`chat-widget:state(connected)`), through ElementInternals where
 * the browser has them; elsewhere they are simply not set.
 */
export class WidgetState {
  readonly #states: CustomStateSet | undefined;

  constructor(host: HTMLElement) {
    try {
      this.#states = host.attachInternals().states;
    } catch {
      this.#states = undefined;
    }
  }

  update(session: SessionController, threadOpen: boolean): void {
    const connection = session.client?.store.get().connection.state;
    this.#set('signed-in', !session.signedOut);
    this.#set('connected', connection === 'connected');
    this.#set('reconnecting', connection === 'connecting' && !session.signedOut);
    this.#set('thread-open', threadOpen);
  }

  #set(state: string, on: boolean): void {
    try {
      if (on) this.#states?.add(state);
      else this.#states?.delete(state);
    } catch {
      // an engine that only knows the old `--state` syntax: no states there
    }
  }
}
