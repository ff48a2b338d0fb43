import { ErrorCode, ParleyError } from '../../domain/errors.js';
import { RecoveryBuffer } from '../../domain/recovery-buffer.js';
import { SpanKind, withSpan } from '../../observability/tracing.js';
import { describeValidation } from '../contract.js';
import { toWireMessage, toWireReply, toWireUser } from '../mappers.js';
import type { Connection } from './connection.js';
import { EventFrames } from './event-frames.js';
import { BaseSession, parseJson, type SessionContext } from './session.js';

/** Client frame `type` -> its schema in openapi/chat.yaml. */
const FRAME_SCHEMAS = {
  auth: 'AuthFrame',
  subscribe: 'SubscribeFrame',
  unsubscribe: 'UnsubscribeFrame',
  send: 'SendFrame',
  reply: 'ReplyFrame',
  typing: 'TypingFrame',
  read: 'ReadFrame',
  ping: 'PingFrame',
} as const;
type FrameType = keyof typeof FRAME_SCHEMAS;

type Frame = { type: FrameType; client_msg_id?: string } & Record<string, unknown>;

/** The `parley.v1` dialect: typed JSON frames, explicit subscriptions with recovery. */
export class V1Session extends BaseSession {
  readonly #subs = new Map<string, RecoveryBuffer>();

  constructor(conn: Connection, ctx: SessionContext) {
    super(conn, ctx);
  }

  deliver(frames: EventFrames): boolean {
    const event = frames.event;
    if (event.kind === 'typing' && event.userId === this.userId) return false;
    if ((event.kind === 'message' || event.kind === 'reply') && event.repeat && event.origin === this.conn.id) {
      return false; // a retried send: this socket has it from the ack
    }
    const sub = this.#subs.get(event.channelId);
    if (!sub || sub.hold(event)) return false;
    return this.conn.send(frames.v1);
  }

  memberChanged(channelId: string, joined: boolean): void {
    if (joined || !this.#subs.has(channelId)) return;
    this.#drop(channelId);
    this.conn.sendJson({ type: 'unsubscribed', channel_id: channelId });
  }

  protected leaveAll(): void {
    for (const channelId of [...this.#subs.keys()]) this.#drop(channelId);
  }

  protected rejectAuth(message: string): void {
    this.conn.sendJson({ type: 'error', code: ErrorCode.Unauthorized, message });
  }

  protected async handle(data: Buffer, isBinary: boolean): Promise<void> {
    const frame = this.#parse(data, isBinary);
    if (!frame) return;
    try {
      if (frame.type === 'send' || frame.type === 'reply') {
        await withSpan(`ws ${frame.type}`, { 'parley.dialect': 'v1' }, () => this.#dispatch(frame), SpanKind.SERVER);
      } else {
        await this.#dispatch(frame);
      }
    } catch (err) {
      this.#error(this.toParleyError(err), frame.client_msg_id, frame.channel_id as string | undefined);
    }
  }

  #parse(data: Buffer, isBinary: boolean): Frame | undefined {
    if (isBinary) return this.#error(new ParleyError(ErrorCode.InvalidInput, 'binary frames are not supported'));
    const frame = parseJson(data);
    if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
      return this.#error(new ParleyError(ErrorCode.InvalidInput, 'frame must be a JSON object', { field: 'frame' }));
    }
    const { type, client_msg_id } = frame as Record<string, unknown>;
    const clientMsgId = typeof client_msg_id === 'string' ? client_msg_id : undefined;
    this.ctx.services.metrics.frameIn('v1', typeof type === 'string' && type in FRAME_SCHEMAS ? type : 'unknown');
    if (typeof type !== 'string' || !(type in FRAME_SCHEMAS)) {
      const allowed = Object.keys(FRAME_SCHEMAS).join(', ');
      return this.#error(
        new ParleyError(ErrorCode.InvalidInput, `type must be one of: ${allowed}`, { field: 'type' }),
        clientMsgId,
      );
    }
    const validate = this.ctx.contract.frame(FRAME_SCHEMAS[type as FrameType]);
    if (!validate(frame)) {
      const { field, message } = describeValidation(validate.errors ?? []);
      return this.#error(new ParleyError(ErrorCode.InvalidInput, message, { field }), clientMsgId);
    }
    return frame as Frame;
  }

  async #dispatch(frame: Frame): Promise<void> {
    if (frame.type === 'auth') return this.#auth(frame.token as string);
    if (!this.identity) throw new ParleyError(ErrorCode.Unauthorized, 'send an auth frame first');
    const identity = this.identity;
    const { services } = this.ctx;
    const channelId = frame.channel_id as string;
    switch (frame.type) {
      case 'subscribe':
        return this.#subscribe(
          channelId,
          frame.since as string | undefined,
          (frame.have as string[] | undefined) ?? [],
        );
      case 'unsubscribe':
        this.#drop(channelId);
        this.conn.sendJson({ type: 'unsubscribed', channel_id: channelId });
        return;
      case 'send': {
        await this.checkSendLimit();
        const sent = await services.messages.send(identity, {
          channelId,
          content: frame.content as string,
          clientMsgId: frame.client_msg_id,
          origin: this.conn.id,
        });
        this.conn.sendJson({ type: 'ack', client_msg_id: sent.value.clientMsgId, message: toWireMessage(sent.value) });
        return;
      }
      case 'reply': {
        await this.checkSendLimit();
        const sent = await services.messages.reply(identity, {
          messageId: frame.message_id as string,
          content: frame.content as string,
          clientMsgId: frame.client_msg_id,
          origin: this.conn.id,
        });
        this.conn.sendJson({ type: 'ack', client_msg_id: sent.value.clientMsgId, reply: toWireReply(sent.value) });
        return;
      }
      case 'typing':
        await services.membership.require(channelId, identity.userId);
        return services.realtime.typing(channelId, identity.userId);
      case 'read':
        await services.messages.markRead(identity, channelId, frame.message_id as string);
        return;
      case 'ping':
        this.conn.sendJson({ type: 'pong' });
        return;
    }
  }

  async #auth(token: string): Promise<void> {
    if (this.identity) throw new ParleyError(ErrorCode.InvalidInput, 'already authenticated', { field: 'type' });
    const result = await this.authenticate(token);
    if (result) this.conn.sendJson({ type: 'ready', user: toWireUser(result.user) });
  }

  /**
   * Registers the live subscription first (buffering), replays what the client missed since
   * `since` (MessageService.recover), sends `subscribed`, then flushes the buffer without the
   * ids the client has (`have`) or was just sent.
   */
  async #subscribe(channelId: string, since: string | undefined, have: readonly string[]): Promise<void> {
    const { services, hub } = this.ctx;
    const userId = this.userId;
    await services.membership.require(channelId, userId);
    this.#drop(channelId);
    const sub = new RecoveryBuffer(have);
    this.#subs.set(channelId, sub);
    hub.join(this, channelId);
    try {
      let recovered = 0;
      let gap = false;
      if (since) {
        const recovery = await services.messages.recover(channelId, since, have);
        gap = recovery.gap;
        for (const message of recovery.messages) {
          this.conn.sendJson({ type: 'message', message: toWireMessage(message) });
          sub.replayed(message.messageId);
          recovered += 1;
        }
      }
      const read = await services.messages.readState(userId, channelId);
      if (this.#subs.get(channelId) !== sub) return;
      this.conn.sendJson({
        type: 'subscribed',
        channel_id: channelId,
        recovered,
        gap: gap || sub.overflowed,
        read_message_id: read.readMessageId,
        unread_count: read.unreadCount,
        unread_through: read.unreadThrough,
      });
      for (const event of sub.flush()) this.conn.send(new EventFrames(event).v1);
    } catch (err) {
      if (this.#subs.get(channelId) === sub) this.#drop(channelId);
      throw err;
    }
  }

  #drop(channelId: string): void {
    if (this.#subs.delete(channelId)) this.ctx.hub.leave(this, channelId);
  }

  #error(err: ParleyError, clientMsgId?: string, channelId?: string): undefined {
    this.conn.sendJson({
      type: 'error',
      code: err.code,
      message: err.message,
      ...(err.field ? { field: err.field } : {}),
      ...(clientMsgId !== undefined ? { client_msg_id: clientMsgId } : {}),
      ...(channelId !== undefined ? { channel_id: channelId } : {}),
      ...(err.retryAfterMs !== undefined ? { retry_after_ms: err.retryAfterMs } : {}),
    });
    return undefined;
  }
}
