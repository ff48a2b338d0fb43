import { ErrorCode, ParleyError } from '../../domain/errors.js';
import { SpanKind, withSpan } from '../../observability/tracing.js';
import { describeValidation } from '../contract.js';
import { toWireMessage, toWireReply } from '../mappers.js';
import type { EventFrames } from './event-frames.js';
import { BaseSession, parseJson } from './session.js';

const AUTH_LINE = /^\s*Authorization:\s*Bearer\s+(\S+)\s*$/i;
const ACTION_SCHEMAS = { CreateMessage: 'SeedCreateMessage', CreateReply: 'SeedCreateReply' } as const;

interface SeedData {
  channel_id?: string;
  message_id?: string;
  content: string;
  client_msg_id?: string;
}

/**
 * The seed's dialect (no subprotocol), for its existing clients: a text auth line first, then
 * `{action, data}` frames. The user hears every channel they belong to without subscribing.
 */
export class SeedSession extends BaseSession {
  #authAttempted = false;
  readonly #channels = new Set<string>();

  deliver(frames: EventFrames): boolean {
    const event = frames.event;
    if (event.kind !== 'message' && event.kind !== 'reply') return false;
    if (event.origin === this.conn.id) return false;
    return this.conn.send(frames.seed);
  }

  memberChanged(channelId: string, joined: boolean): void {
    if (joined) {
      this.#channels.add(channelId);
      this.ctx.hub.join(this, channelId);
    } else {
      this.#channels.delete(channelId);
      this.ctx.hub.leave(this, channelId);
    }
  }

  protected leaveAll(): void {
    for (const channelId of this.#channels) this.ctx.hub.leave(this, channelId);
    this.#channels.clear();
  }

  protected rejectAuth(message: string): void {
    this.#fail(message, ErrorCode.Unauthorized);
  }

  protected async handle(data: Buffer, isBinary: boolean): Promise<void> {
    const text = isBinary ? '' : data.toString('utf8');
    if (!this.#authAttempted) {
      this.#authAttempted = true;
      const result = await this.authenticate(AUTH_LINE.exec(text)?.[1]);
      if (result) for (const channelId of result.channelIds) this.memberChanged(channelId, true);
      return;
    }
    if (!this.identity) return;
    const frame = parseJson(Buffer.from(text));
    if (typeof frame !== 'object' || frame === null) return this.#fail('invalid JSON', ErrorCode.InvalidInput);
    const action = (frame as { action?: unknown }).action;
    const known = typeof action === 'string' && action in ACTION_SCHEMAS;
    this.ctx.services.metrics.frameIn('seed', known ? action : 'unknown');
    if (typeof action !== 'string' || !(action in ACTION_SCHEMAS)) {
      return this.#fail('action must be CreateMessage or CreateReply', ErrorCode.InvalidInput);
    }
    const validate = this.ctx.contract.frame(ACTION_SCHEMAS[action as keyof typeof ACTION_SCHEMAS]);
    if (!validate(frame)) return this.#fail(describeValidation(validate.errors ?? []).message, ErrorCode.InvalidInput);
    try {
      const data = (frame as { data: SeedData }).data;
      await withSpan(`ws ${action}`, { 'parley.dialect': 'seed' }, () => this.#act(action, data), SpanKind.SERVER);
    } catch (err) {
      const e = this.toParleyError(err);
      this.#fail(e.message, e.code);
    }
  }

  async #act(action: string, data: SeedData): Promise<void> {
    const identity = this.identity;
    if (!identity) throw new ParleyError(ErrorCode.Unauthorized, 'unauthorized');
    await this.checkSendLimit();
    const { messages } = this.ctx.services;
    if (action === 'CreateMessage') {
      const sent = await messages.send(identity, {
        channelId: data.channel_id ?? '',
        content: data.content,
        clientMsgId: data.client_msg_id,
        origin: this.conn.id,
      });
      this.conn.sendJson({
        status: 'success',
        message: 'create message successfully',
        data: toWireMessage(sent.value),
      });
      return;
    }
    const sent = await messages.reply(identity, {
      messageId: data.message_id ?? '',
      content: data.content,
      clientMsgId: data.client_msg_id,
      origin: this.conn.id,
    });
    this.conn.sendJson({ status: 'success', message: 'create reply successfully', data: toWireReply(sent.value) });
  }

  #fail(message: string, code: string): void {
    this.conn.sendJson({ status: 'fail', message, code });
  }
}
