import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const TRAPPED = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'self',
  'WebSocket',
  'fetch',
  'Request',
  'Response',
  'XMLHttpRequest',
  'crypto',
  'setTimeout',
  'setInterval',
  'queueMicrotask',
];

describe('server-side rendering', () => {
  it('imports in Node without touching a browser global, timer or WebSocket', async () => {
    const script = `
      const touched = [];
      for (const name of ${JSON.stringify(TRAPPED)}) {
        Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return undefined; } });
      }
      const sdk = await import(${JSON.stringify(ENTRY)});
      console.log(JSON.stringify({ touched, exports: typeof sdk.createChatClient }));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
      },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')).toEqual({ touched: [], exports: 'function' });
  });
});
