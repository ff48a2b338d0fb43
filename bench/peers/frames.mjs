import { randomUUID } from 'node:crypto';

/**
 * What the peers broadcast: the same `message` object, field for field, as Parley's
 * `{type:'message', message}` frame, so every contender moves frames of the same size.
 */
const SENDER_ID = randomUUID();
let sequence = 0;
const base = BigInt(Date.now() - 1_704_067_200_000) << 22n;

export function wireMessage(channelId, content, clientMsgId) {
  sequence += 1;
  return {
    message_id: (base + BigInt(sequence)).toString(),
    channel_id: channelId,
    user_id: SENDER_ID,
    username: 'sender',
    content,
    created_at: new Date().toISOString(),
    client_msg_id: clientMsgId,
    reply_count: 0,
  };
}
