import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createChannel, signUp, type TestApp, waitFor } from '../support/test-app.js';
import { TestSocket } from '../support/ws-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await t.listen();
});
afterAll(() => t.close());

/** The value of one series in a Prometheus exposition (0 when absent). */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = (await t.app.inject('/metrics')).body;
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((w) => line.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('/metrics', () => {
  it('exposes parley_* metrics and the process defaults in Prometheus text format', async () => {
    await t.app.inject({ method: 'POST', url: '/api/login', payload: { email: 'a@example.test', password: 'x' } });
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    for (const name of [
      'parley_http_requests_total',
      'parley_ws_connections',
      'parley_sends_total',
      'parley_fanout_latency_seconds_bucket',
      'parley_store_duration_seconds_bucket',
      'parley_outbox_depth',
      'parley_process_cpu_seconds_total',
      'parley_nodejs_eventloop_lag_seconds',
    ]) {
      expect(res.body, name).toContain(name);
    }
  });

  it('moves its counters when traffic flows', async () => {
    const httpBefore = await sample('parley_http_requests_total', { route: '/api/login', status: '200' });
    const ann = await signUp(t.app, 'metrics');
    const channel = await createChannel(t.app, ann.auth);
    expect(await sample('parley_http_requests_total', { route: '/api/login', status: '200' })).toBe(httpBefore + 1);

    const storedBefore = await sample('parley_sends_total', { kind: 'message', outcome: 'stored' });
    const dupBefore = await sample('parley_sends_total', { kind: 'message', outcome: 'duplicate' });
    const rejectedBefore = await sample('parley_sends_total', { kind: 'message', outcome: 'rejected' });
    const fanoutBefore = await sample('parley_fanout_latency_seconds_count');
    const framesOutBefore = await sample('parley_ws_frames_out_total');

    const s = await TestSocket.connect(t.wsUrl, ann.token);
    expect(await sample('parley_ws_connections', { dialect: 'v1' })).toBe(1);
    await s.subscribe(channel);
    s.send({ type: 'send', channel_id: channel, content: 'counted', client_msg_id: 'm-1' });
    s.send({ type: 'send', channel_id: channel, content: 'counted', client_msg_id: 'm-1' });
    await waitFor(() => s.of('ack').length === 2);
    s.send({ type: 'send', channel_id: '00000000-0000-4000-8000-000000000000', content: 'x', client_msg_id: 'm-2' });
    await s.next((f) => f.type === 'error');

    expect(await sample('parley_sends_total', { kind: 'message', outcome: 'stored' })).toBe(storedBefore + 1);
    expect(await sample('parley_sends_total', { kind: 'message', outcome: 'duplicate' })).toBe(dupBefore + 1);
    expect(await sample('parley_sends_total', { kind: 'message', outcome: 'rejected' })).toBe(rejectedBefore + 1);
    expect(await sample('parley_fanout_latency_seconds_count')).toBe(fanoutBefore + 1);
    expect(await sample('parley_ws_frames_out_total')).toBeGreaterThan(framesOutBefore);
    expect(await sample('parley_ws_frames_in_total', { dialect: 'v1', type: 'send' })).toBe(3);
    expect(
      await sample('parley_store_duration_seconds_count', { operation: 'message.insertMessage', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(await sample('parley_bus_publish_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThan(0);

    const recoveriesBefore = await sample('parley_recoveries_total', { gap: 'false' });
    const first = s.of('ack')[0]?.message as { message_id: string };
    const again = await TestSocket.connect(t.wsUrl, ann.token);
    await again.subscribe(channel, first.message_id);
    expect(await sample('parley_recoveries_total', { gap: 'false' })).toBe(recoveriesBefore + 1);

    await s.close();
    await again.close();
    for (let i = 0; i < 100 && (await sample('parley_ws_connections', { dialect: 'v1' })) !== 0; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await sample('parley_ws_connections', { dialect: 'v1' })).toBe(0);
  });
});
