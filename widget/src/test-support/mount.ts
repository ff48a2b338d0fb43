import { ContextProvider } from '@lit/context';
import type { ChatClient } from '@parley/sdk';
import type { LitElement } from 'lit';
import { clientContext, directoryContext, i18nContext } from '../context.js';
import { createTranslator } from '../i18n/translator.js';
import type { ChannelDirectory } from '../lib/channel-directory.js';
import '../define.js';

export interface MountContext {
  client?: ChatClient;
  directory?: ChannelDirectory;
  lang?: string;
}

/**
 * Renders an element of the widget on its own, inside a host that provides what
 * `<chat-widget>` would (client, directory, translator), and waits for its first render.
 */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  context: MountContext = {},
): Promise<HTMLElementTagNameMap[K]> {
  const host = document.createElement('div');
  new ContextProvider(host, { context: clientContext, initialValue: context.client });
  new ContextProvider(host, { context: directoryContext, initialValue: context.directory });
  new ContextProvider(host, { context: i18nContext, initialValue: createTranslator(context.lang ?? 'en') });
  document.body.append(host);
  const element = document.createElement(tag);
  Object.assign(element, properties);
  host.append(element);
  await (element as unknown as LitElement).updateComplete;
  return element;
}

/** Removes everything `mount` added. */
export function unmountAll(): void {
  document.body.replaceChildren();
}

/** The element's shadow root (they all have one). */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

/** Waits for the element's pending render. */
export async function rendered(element: Element): Promise<void> {
  await (element as LitElement).updateComplete;
}

/** The visible text of a node, whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
