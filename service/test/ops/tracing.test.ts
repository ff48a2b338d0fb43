import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing } from '../../src/adapters/otel/tracing.js';
import { buildTestApp, createChannel, joinChannel, signUp, type TestApp, waitFor } from '../support/test-app.js';
import { TestSocket } from '../support/ws-client.js';

const exporter = new InMemorySpanExporter();
let tracing: { shutdown(): Promise<void> };
let t: TestApp;

beforeAll(async () => {
  tracing = startTracing({ exporter, instanceId: 0 });
  t = await buildTestApp();
  await t.listen();
});
afterAll(async () => {
  await t.close();
  await tracing.shutdown();
});

const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

describe('tracing', () => {
  it('turns one WebSocket send into one trace that spans the store, the publish and the fan-out', async () => {
    const ann = await signUp(t.app, 'tracer');
    const bob = await signUp(t.app, 'bob');
    const channel = await createChannel(t.app, ann.auth);
    await joinChannel(t.app, bob.auth, channel);
    const listener = await TestSocket.connect(t.wsUrl, bob.token);
    await listener.subscribe(channel);
    const sender = await TestSocket.connect(t.wsUrl, ann.token);
    exporter.reset();

    sender.send({ type: 'send', channel_id: channel, content: 'trace me', client_msg_id: 'tr-1' });
    await sender.next((f) => f.type === 'ack');
    await listener.next((f) => f.type === 'message');
    const spans = await waitFor(() => {
      const all = exporter.getFinishedSpans();
      return named(all, 'ws send').length === 1 && named(all, 'ws fan-out').length === 1 ? all : undefined;
    });

    const root = named(spans, 'ws send')[0] as ReadableSpan;
    const traceId = root.spanContext().traceId;
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
    const names = inTrace.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['ws send', 'store message.insertMessage', 'bus publish', 'ws fan-out']),
    );
    const publish = named(inTrace, 'bus publish').find(
      (s) => s.attributes['parley.event'] === 'message',
    ) as ReadableSpan;
    const fanOut = named(inTrace, 'ws fan-out')[0] as ReadableSpan;
    expect(parentOf(fanOut)).toBe(publish.spanContext().spanId);
    expect(fanOut.attributes['parley.frames_written']).toBe(1);
    // The send is the root of its trace.
    expect(parentOf(root)).toBeUndefined();
  });

  it('traces HTTP handlers with their store spans as children', async () => {
    exporter.reset();
    const ann = await signUp(t.app, 'http-tracer');
    await createChannel(t.app, ann.auth, 'traced');
    const spans = exporter.getFinishedSpans();
    const http = named(spans, 'HTTP POST /api/channel')[0] as ReadableSpan;
    expect(http.attributes['http.response.status_code']).toBe(200);
    const create = named(spans, 'store channel.create')[0] as ReadableSpan;
    expect(create.spanContext().traceId).toBe(http.spanContext().traceId);
  });
});
