import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT_DIR = join(BENCH_DIR, '..');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <nodeArgs> <script> <args>` in its own process, with the open-files limit raised
 * to the hard limit (a shell `ulimit` then `exec`, so the pid is node's), optionally with an IPC
 * channel. Output is kept (last 200 lines) for error messages and watched for `waitFor` lines.
 */
export function spawnNode(script, args = [], options = {}) {
  const { env = {}, ipc = false, nodeArgs = [], name = script, cwd = ROOT_DIR, inheritEnv = true } = options;
  const wrapper = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"';
  const child = spawn('bash', ['-c', wrapper, 'bash', process.execPath, ...nodeArgs, script, ...args], {
    cwd,
    env: { ...(inheritEnv ? process.env : { PATH: process.env.PATH }), ...env },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const startedAt = performance.now();
  const tail = [];
  const watchers = new Set();
  let exit;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      for (const w of watchers) w.reject(new Error(`${name} exited (${code ?? signal}) before "${w.pattern}"`));
      watchers.clear();
      resolve(exit);
    });
  });
  const onLine = (line) => {
    tail.push(line);
    if (tail.length > 200) tail.shift();
    if (process.env.BENCH_DEBUG) process.stderr.write(`[${name}] ${line}\n`);
    for (const w of watchers) {
      if (w.pattern.test(line)) {
        watchers.delete(w);
        w.resolve({ line, atMs: performance.now() - startedAt });
      }
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffer += chunk;
      let i = buffer.indexOf('\n');
      while (i >= 0) {
        onLine(buffer.slice(0, i));
        buffer = buffer.slice(i + 1);
        i = buffer.indexOf('\n');
      }
    });
  }

  const pending = new Map();
  let nextId = 1;
  if (ipc) {
    child.on('message', (msg) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`${name}: ${msg.error}`));
    });
    exited.then(() => {
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`${name} exited (${exit?.code ?? exit?.signal}): ${tail.slice(-5).join(' | ')}`));
      }
      pending.clear();
    });
  }

  return {
    name,
    child,
    pid: child.pid,
    startedAt,
    exited,
    get exit() {
      return exit;
    },
    tail: () => tail.slice(),
    /** Resolves with the first output line matching `pattern` (and ms since spawn). */
    waitFor(pattern, timeoutMs = 30_000) {
      if (exit) return Promise.reject(new Error(`${name} has exited`));
      return new Promise((resolve, reject) => {
        const w = { pattern, resolve, reject };
        const timer = setTimeout(() => {
          watchers.delete(w);
          reject(new Error(`${name}: no "${pattern}" within ${timeoutMs} ms: ${tail.slice(-5).join(' | ')}`));
        }, timeoutMs);
        w.resolve = (v) => {
          clearTimeout(timer);
          resolve(v);
        };
        w.reject = (e) => {
          clearTimeout(timer);
          reject(e);
        };
        watchers.add(w);
      });
    },
    /** Sends a command over IPC to a worker built with `serveCommands`. */
    request(cmd, args = {}, timeoutMs = 120_000) {
      if (exit) return Promise.reject(new Error(`${name} has exited: ${tail.slice(-5).join(' | ')}`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${name}: "${cmd}" timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        child.send({ id, cmd, args });
      });
    },
    /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
    async stop(graceMs = 5000) {
      if (exit) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}

/** Polls `url` until it answers (any status) or the timeout passes. */
export async function waitForHttp(url, timeoutMs = 30_000, proc = undefined) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (proc?.exit) throw new Error(`${proc.name} exited: ${proc.tail().slice(-5).join(' | ')}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return;
    } catch {
      if (performance.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await sleep(50);
    }
  }
}
