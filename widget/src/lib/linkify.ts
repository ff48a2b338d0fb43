/** A piece of message text: plain text, or a link to a checked http(s) URL. */
export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that usually ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/**
 * Splits message text into text and links. Only `http:` and `https:` URLs that parse become
 * links; everything is rendered as text by the caller (never as HTML), so markup in a message
 * shows up as the characters it is made of.
 */
export function linkify(content: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of content.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING, '');
    const href = safeHref(raw);
    if (!href) continue;
    const start = match.index;
    if (start > last) parts.push({ text: content.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < content.length) parts.push({ text: content.slice(last) });
  return parts;
}

function safeHref(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
