import { describe, expect, it } from 'vitest';
import { ChatWidget } from './components/widget/chat-widget.js';
import { chatElements, defineChatElements } from './registry.js';

describe('defineChatElements', () => {
  it('registers every element once and is safe to run again', () => {
    defineChatElements();
    defineChatElements();
    for (const [tag, element] of Object.entries(chatElements)) expect(customElements.get(tag)).toBe(element);
    expect(customElements.get('chat-widget')).toBe(ChatWidget);
  });

  it('leaves a tag defined by someone else alone and does nothing without a registry', () => {
    const defined = new Map<string, CustomElementConstructor>();
    const registry = {
      get: (tag: string) => defined.get(tag),
      define: (tag: string, element: CustomElementConstructor) => defined.set(tag, element),
    } as unknown as CustomElementRegistry;
    class Other extends HTMLElement {}
    registry.define('chat-composer', Other);
    defineChatElements(registry);
    expect(registry.get('chat-composer')).toBe(Other);
    expect(registry.get('chat-widget')).toBe(ChatWidget);
    expect(() => defineChatElements(undefined)).not.toThrow();
  });

  it('uses chat-* tags only', () => {
    expect(Object.keys(chatElements).every((tag) => tag.startsWith('chat-'))).toBe(true);
  });
});
