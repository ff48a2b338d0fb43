import type { ChatEvent } from '../../domain/events.js';

const VERSION = 1;
const KINDS = new Set<ChatEvent['kind']>(['message', 'reply', 'typing', 'presence', 'read', 'member']);

/** An event as a Kafka record value: real JSON (`{"v":1,"event":{...}}`), dates as ISO strings. */
export function encodeEvent(event: ChatEvent): Buffer {
  return Buffer.from(JSON.stringify({ v: VERSION, event }), 'utf8');
}

/**
 * Parses a record value back into the event that was published, with its `Date`s revived, so
 * consumers see the same object the publisher had. Undefined for anything it does not know.
 */
export function decodeEvent(value: Buffer | null): ChatEvent | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    return undefined;
  }
  const envelope = parsed as { v?: unknown; event?: Record<string, unknown> };
  const event = envelope.event;
  if (envelope.v !== VERSION || typeof event !== 'object' || event === null) return undefined;
  if (!KINDS.has(event.kind as ChatEvent['kind']) || typeof event.channelId !== 'string') return undefined;
  const body = event.kind === 'message' ? event.message : event.kind === 'reply' ? event.reply : undefined;
  if (body !== undefined) {
    if (typeof body !== 'object' || body === null) return undefined;
    const item = body as { createdAt?: unknown };
    const at = typeof item.createdAt === 'string' ? new Date(item.createdAt) : undefined;
    if (!at || Number.isNaN(at.getTime())) return undefined;
    item.createdAt = at;
  }
  return event as unknown as ChatEvent;
}
