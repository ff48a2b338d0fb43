import { type ServerWritableStream, status } from '@grpc/grpc-js';
import type { Services } from '../app/services.js';
import { LIMITS } from '../domain/entities.js';
import { ErrorCode, ParleyError } from '../domain/errors.js';
import type { ChatEvent } from '../domain/events.js';
import { toProtoEvent } from './mappers.js';
import { toServiceError } from './status.js';
import { optionalSnowflake, requireUuid, snowflakeList } from './validate.js';
import type { StreamChannelEventsRequest, StreamChannelEventsResponse } from './wire-types.js';

const SLOW_READER = 'stream reader too slow: later events were not sent, resume with since';

export type EventStreamCall = ServerWritableStream<StreamChannelEventsRequest, StreamChannelEventsResponse>;

export interface EventStreamOptions {
  /** Frames queued for a slow reader past which its stream ends with RESOURCE_EXHAUSTED. */
  maxQueuedFrames: number;
  /** Streams still open; the server ends them all (status OK) when it shuts down. */
  open: Set<() => void>;
}

/**
 * Serves one `StreamChannelEvents` call: registers the feed (which replays after `since` and
 * then goes live without gap or duplicate), holds what it emits until the `subscribed` frame is
 * written first, then streams events as they come. Resolves with the final status code once the
 * stream is over; rejects (before anything is written) when the request or channel is invalid.
 */
export async function serveChannelEvents(
  services: Services,
  call: EventStreamCall,
  options: EventStreamOptions,
): Promise<status> {
  const channelId = requireUuid('channel_id', call.request.channel_id);
  const since = optionalSnowflake('since', call.request.since);
  const have = snowflakeList('have', call.request.have, LIMITS.recoveryHaveMax);
  let held: ChatEvent[] | undefined = [];
  let finish: (code: status) => void = () => undefined;
  const finished = new Promise<status>((resolve) => {
    finish = resolve;
  });
  let over = false;

  const write = (event: ChatEvent): void => {
    if (over) return;
    call.write({ event: toProtoEvent(event) });
    if (call.writableLength > options.maxQueuedFrames) {
      end(status.RESOURCE_EXHAUSTED, new ParleyError(ErrorCode.RateLimited, SLOW_READER));
    }
  };
  const feed = await services.messages.openFeed(channelId, since, have, (event) => {
    if (held) held.push(event);
    else write(event);
  });

  function end(code: status, error?: ParleyError): void {
    if (over) return;
    over = true;
    feed.close();
    options.open.delete(shutdown);
    // A cancelled call has no one to tell; an error is sent after the frames already queued.
    if (code !== status.CANCELLED) {
      if (error) call.emit('error', toServiceError(error, undefined, 'StreamChannelEvents'));
      else call.end();
    }
    finish(code);
  }
  const shutdown = () => end(status.OK);

  options.open.add(shutdown);
  call.on('cancelled', () => end(status.CANCELLED));
  call.on('error', () => end(status.CANCELLED));
  if (call.cancelled) end(status.CANCELLED);
  else {
    call.write({ subscribed: { recovered: feed.recovered, gap: feed.gap } });
    const replay = held;
    held = undefined;
    for (const event of replay) write(event);
  }
  return finished;
}
