import { randomBytes } from 'node:crypto';
import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import {
  type Admin,
  type Consumer,
  type EachBatchPayload,
  Kafka,
  type KafkaMessage,
  type Message as KafkaRecord,
  logLevel,
  Partitioners,
  type Producer,
} from 'kafkajs';
import { type ChatEvent, eventKey } from '../../domain/events.js';
import { RecentKeys } from '../../domain/recent-keys.js';
import type { EventBus, EventHandler } from '../../ports/event-bus.port.js';
import type { Metrics } from '../../ports/metrics.port.js';
import type { OutboxJournal } from '../../ports/outbox-journal.port.js';
import { decodeEvent, encodeEvent } from './event-codec.js';
import { type KafkaLog, kafkaLogCreator } from './kafka-log.js';
import { Outbox } from './outbox.js';

export interface KafkaEventBusOptions {
  brokers: string[];
  topic: string;
  /** Partitions of the topic when this bus creates it. */
  partitions: number;
  instanceId: number;
  /** Events held while Kafka is unreachable. */
  outboxMax: number;
  metrics: Pick<Metrics, 'consumerLag' | 'outboxDepth'>;
  log?: KafkaLog;
  /** How long a publisher waits for Kafka's ack before leaving its event to the outbox. */
  ackWaitMs?: number;
  /**
   * Where the outbox is kept durably while Kafka is unreachable: a publisher is let go only once
   * its event is journaled, and a successor with the same instance id publishes what is left.
   */
  journal?: OutboxJournal;
}

/** A record as the outbox keeps it (and the journal stores it). */
interface OutboxRecord {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

const tracer = trace.getTracer('parley');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FAST_RETRY = { initialRetryTime: 200, maxRetryTime: 2000, retries: 5 };

/**
 * The cluster bus: one topic keyed by `channel_id` (a channel is one partition's order), an
 * idempotent `acks=all` producer fed from an ordered outbox, and a consumer group of this
 * process alone (`parley-fanout-<instance>-<boot>`) that starts at the topic's end and hands
 * every event, this instance's own included, to the handlers in partition order.
 */
export class KafkaEventBus implements EventBus {
  readonly #o: KafkaEventBusOptions;
  readonly #kafka: Kafka;
  readonly #groupId: string;
  readonly #handlers = new Set<EventHandler>();
  readonly #outbox: Outbox<OutboxRecord>;
  /** Message and reply events already delivered: a redelivered record is dropped. */
  readonly #recent = new RecentKeys(20_000);
  #admin: Admin | undefined;
  #producer: Producer | undefined;
  #consumer: Consumer | undefined;
  #started: Promise<void> | undefined;
  #joined = false;
  #stalled = false;
  #pumping = false;
  #closed = false;
  /** The last journal sequence used: increasing, and above whatever a predecessor left. */
  #seq = 0n;
  #journaling: Promise<void> | undefined;

  constructor(options: KafkaEventBusOptions) {
    this.#o = options;
    this.#groupId = `parley-fanout-${options.instanceId}-${randomBytes(4).toString('hex')}`;
    this.#kafka = new Kafka({
      clientId: `parley-${options.instanceId}`,
      brokers: options.brokers,
      retry: FAST_RETRY,
      logLevel: logLevel.ERROR,
      logCreator: kafkaLogCreator(options.log),
    });
    this.#outbox = new Outbox(options.outboxMax, (depth) => options.metrics.outboxDepth(depth));
  }

  get groupId(): string {
    return this.#groupId;
  }

  /** Connects (retrying until it works or the bus closes): topic, group position, producer, consumer. */
  start(): Promise<void> {
    this.#started ??= this.#startLoop();
    return this.#started;
  }

  async publish(event: ChatEvent): Promise<void> {
    const headers: Record<string, string> = {};
    propagation.inject(context.active(), headers);
    const record = { key: event.channelId, value: encodeEvent(event), headers };
    const sent = this.#outbox.push(record, !this.#stalled, this.#nextSeq());
    void this.#pump();
    // Not acknowledged by Kafka (it is unreachable): held in the outbox, and journaled first.
    if (!(await sent)) await this.#journalPending();
  }

  #nextSeq(): string {
    const now = BigInt(Date.now()) << 12n;
    this.#seq = now > this.#seq ? now : this.#seq + 1n;
    return this.#seq.toString();
  }

  /** Writes every outbox entry not journaled yet (one write at a time; callers wait for theirs). */
  async #journalPending(): Promise<void> {
    const journal = this.#o.journal;
    if (!journal) return;
    while (this.#journaling) await this.#journaling;
    const batch = this.#outbox.takeUnjournaled();
    if (batch.length === 0) return;
    this.#journaling = journal
      .append(batch.map((b) => ({ seq: b.seq, ...b.value })))
      .catch((err: unknown) => {
        this.#outbox.unjournal(new Set(batch.map((b) => b.seq)));
        this.#o.log?.warn('kafka: could not journal the outbox; it is held in memory only', err);
      })
      .finally(() => {
        this.#journaling = undefined;
      });
    await this.#journaling;
  }

  /** Puts what a previous process with this instance id could not publish at the outbox's head. */
  async #adoptLeftovers(): Promise<void> {
    const journal = this.#o.journal;
    if (!journal) return;
    const left = await journal.leftovers().catch((err: unknown) => {
      this.#o.log?.warn('kafka: could not read the outbox journal; leftovers wait for the next start', err);
      return [];
    });
    if (left.length === 0) return;
    const last = BigInt(left.at(-1)?.seq ?? '0');
    if (last > this.#seq) this.#seq = last;
    this.#outbox.prepend(left.map(({ seq, ...value }) => ({ seq, value })));
    this.#o.log?.info(`kafka: publishing ${left.length} events a previous process left in the outbox journal`);
  }

  subscribe(handler: EventHandler): () => void {
    this.#handlers.add(handler);
    return () => this.#handlers.delete(handler);
  }

  /** Kafka answers, this instance's consumer is in its group and the outbox is draining. */
  async ready(): Promise<boolean> {
    const admin = this.#admin;
    if (!admin || !this.#joined || this.#stalled) return false;
    const timeout = sleep(2000).then(() => false);
    return Promise.race([
      admin.describeCluster().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  }

  /** Flushes the outbox (briefly), leaves the group, deletes it and disconnects. */
  async close(): Promise<void> {
    const deadline = Date.now() + 5000;
    while (this.#outbox.depth > 0 && !this.#stalled && Date.now() < deadline) await sleep(20);
    this.#closed = true;
    if (this.#outbox.depth > 0) this.#o.log?.warn(`kafka: closing with ${this.#outbox.depth} events unpublished`);
    this.#outbox.release(); // the publishers still waiting journal their events
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#journaling) await this.#journaling;
    const bounded = (p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => undefined), sleep(5000)]);
    await Promise.all([bounded(this.#consumer?.disconnect()), bounded(this.#producer?.disconnect())]);
    await bounded(this.#admin?.deleteGroups([this.#groupId]));
    await bounded(this.#admin?.disconnect());
    this.#handlers.clear();
  }

  async #startLoop(): Promise<void> {
    await this.#adoptLeftovers();
    for (let attempt = 0; !this.#closed; attempt += 1) {
      try {
        await this.#connect();
        this.#o.log?.info(`kafka: consuming ${this.#o.topic} in group ${this.#groupId}`);
        void this.#pump(); // the leftovers of a previous process, if any
        return;
      } catch (err) {
        this.#o.log?.warn('kafka: start failed, retrying', err);
        await Promise.allSettled([
          this.#consumer?.disconnect(),
          this.#producer?.disconnect(),
          this.#admin?.disconnect(),
        ]);
        this.#admin = this.#producer = this.#consumer = undefined;
        await sleep(Math.min(5000, 250 * 2 ** attempt));
      }
    }
    throw new Error('kafka bus closed');
  }

  async #connect(): Promise<void> {
    const { topic, partitions } = this.#o;
    const admin = this.#kafka.admin({ retry: FAST_RETRY });
    this.#admin = admin;
    await admin.connect();
    // Created up front (never auto-created), so the first send does not meet a missing partition.
    if (!(await admin.listTopics()).includes(topic)) {
      await admin
        .createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true })
        .catch((err: { errors?: Array<{ type?: string }> }) => {
          // Another instance created it first.
          if (!err.errors?.every((e) => e.type === 'TOPIC_ALREADY_EXISTS')) throw err;
        });
    }
    // This process's group is new: it starts where the topic ends now, before this instance
    // publishes anything (seeked to below, once the consumer runs).
    const ends = await admin.fetchTopicOffsets(topic);

    const producer = this.#kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { initialRetryTime: 200, maxRetryTime: 2000 },
    });
    this.#producer = producer;
    await producer.connect();

    const consumer = this.#kafka.consumer({
      groupId: this.#groupId,
      sessionTimeout: 10_000,
      rebalanceTimeout: 10_000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 500,
      retry: { initialRetryTime: 200, maxRetryTime: 2000, retries: 10 },
    });
    this.#consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.#joined = true;
    });
    for (const down of [consumer.events.CRASH, consumer.events.STOP, consumer.events.DISCONNECT]) {
      consumer.on(down, () => {
        this.#joined = false;
      });
    }
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({ autoCommitInterval: 1000, eachBatch: (payload) => this.#consume(payload) });
    for (const { partition, offset } of ends) consumer.seek({ topic, partition, offset });
  }

  /** Publishes the outbox from its head, one batch at a time, until it is empty. */
  async #pump(): Promise<void> {
    if (this.#pumping || this.#closed) return;
    this.#pumping = true;
    try {
      while (this.#outbox.depth > 0 && !this.#closed) {
        const stall = setTimeout(() => this.#stall(), this.#o.ackWaitMs ?? 1000);
        try {
          await this.start();
          const producer = this.#producer;
          if (!producer) throw new Error('kafka producer not connected');
          const batch: KafkaRecord[] = this.#outbox.head(500);
          await producer.send({ topic: this.#o.topic, acks: -1, messages: batch });
          const journaled = this.#outbox.sent();
          if (journaled.length > 0) {
            this.#o.journal?.remove(journaled).catch((err: unknown) => {
              this.#o.log?.warn('kafka: published events stay in the outbox journal (published again later)', err);
            });
          }
          if (this.#stalled) this.#o.log?.info('kafka: reachable again, outbox delivered');
          this.#stalled = false;
        } catch (err) {
          this.#stall();
          if (!this.#closed) this.#o.log?.warn('kafka: publish failed, retrying from the outbox', err);
          await sleep(1000);
        } finally {
          clearTimeout(stall);
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** Kafka is not acknowledging: publishers stop waiting and their events stay in the outbox. */
  #stall(): void {
    if (!this.#stalled) this.#o.log?.warn('kafka: unreachable, events are held in the outbox');
    this.#stalled = true;
    // The waiting publishers journal their events (publish) before they are let go.
    this.#outbox.release();
  }

  async #consume({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      this.#deliver(message, batch.partition);
      resolveOffset(message.offset);
    }
    this.#o.metrics.consumerLag(batch.partition, Number(batch.offsetLag()));
    await heartbeat();
  }

  #deliver(message: KafkaMessage, partition: number): void {
    const event = decodeEvent(message.value);
    if (!event) {
      this.#o.log?.warn(`kafka: skipped an undecodable record at ${partition}/${message.offset}`);
      return;
    }
    const key = eventKey(event);
    if (key !== undefined && !this.#recent.add(key)) return;
    const carrier: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      if (value !== undefined) carrier[name] = value.toString();
    }
    const parent = propagation.extract(ROOT_CONTEXT, carrier);
    const span = tracer.startSpan(
      'bus consume',
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': this.#o.topic,
          'messaging.destination.partition.id': String(partition),
          'parley.event': event.kind,
          'parley.channel_id': event.channelId,
        },
      },
      parent,
    );
    context.with(trace.setSpan(parent, span), () => {
      for (const handler of this.#handlers) {
        try {
          handler(event);
        } catch (err) {
          this.#o.log?.warn('kafka: event handler failed', err);
        }
      }
    });
    span.end();
  }
}
