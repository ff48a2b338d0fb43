import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.js';

describe('linkify', () => {
  it.each([
    ['plain text', [{ text: 'plain text' }]],
    [
      'go to https://example.com now',
      [{ text: 'go to ' }, { text: 'https://example.com', href: 'https://example.com/' }, { text: ' now' }],
    ],
    [
      '(see http://a.test/x).',
      [{ text: '(see ' }, { text: 'http://a.test/x', href: 'http://a.test/x' }, { text: ').' }],
    ],
    ['javascript:alert(1) and data:text/html,<b>', [{ text: 'javascript:alert(1) and data:text/html,<b>' }]],
    [
      '<a href="https://x.test">x</a>',
      [{ text: '<a href="' }, { text: 'https://x.test', href: 'https://x.test/' }, { text: '">x</a>' }],
    ],
    ['https://', [{ text: 'https://' }]],
  ])('splits %j into text and safe links', (input, parts) => {
    expect(linkify(input)).toEqual(parts);
  });

  it('keeps every character of the message', () => {
    const text = 'a https://x.test/?q=1&r=<2> b https://y.test.';
    expect(
      linkify(text)
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });
});
