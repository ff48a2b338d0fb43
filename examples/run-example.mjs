#!/usr/bin/env node
/**
 * Runs one example with one command (`npm start` in its folder): builds Parley and the widget
 * if they are not built yet, starts Parley on :8080 unless one answers there (or PARLEY_URL
 * points elsewhere), then serves the example on :5173 (EXAMPLE_PORT): through Vite when the
 * example has a vite.config.ts, else as static files with /chat-widget.js from widget/dist.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = process.cwd();
const port = Number(process.env.EXAMPLE_PORT ?? 5173);
const parleyUrl = process.env.PARLEY_URL ?? 'http://localhost:8080';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };

async function reachable(url) {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}

function buildIfNeeded() {
  const built = ['widget/dist/chat-widget.js', 'service/dist/main.js', 'sdk/dist/index.js'].every((f) =>
    existsSync(join(repo, f)),
  );
  if (built) return;
  console.log('Building Parley and the widget (npm run build)…');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function startParley() {
  if (await reachable(parleyUrl)) return console.log(`Using the Parley at ${parleyUrl}`);
  if (process.env.PARLEY_URL) throw new Error(`no Parley answers at ${parleyUrl}`);
  console.log('Starting Parley on http://localhost:8080 (data in ./data)…');
  const child = spawn(process.execPath, ['service/dist/main.js'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PARLEY_LOG_LEVEL: process.env.PARLEY_LOG_LEVEL ?? 'warn' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill('SIGTERM') && process.exit(0));
  process.on('exit', () => child.kill('SIGTERM'));
  for (let i = 0; i < 100 && !(await reachable(parleyUrl)); i += 1) await new Promise((r) => setTimeout(r, 100));
}

async function serveStatic() {
  const roots = [example, join(repo, 'widget/dist')];
  const server = createServer(async (request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    for (const root of roots) {
      const file = join(root, path);
      if (!file.startsWith(root) || !existsSync(file)) continue;
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      return response.end(await readFile(file));
    }
    response.writeHead(404).end('not found');
  });
  await new Promise((resolve) => server.listen(port, resolve));
}

async function serveWithVite() {
  const { createServer: createVite } = await import('vite');
  const vite = await createVite({
    root: example,
    configFile: join(example, 'vite.config.ts'),
    server: { port, strictPort: true },
  });
  await vite.listen();
}

buildIfNeeded();
await startParley();
if (existsSync(join(example, 'vite.config.ts'))) await serveWithVite();
else await serveStatic();
console.log(`\n  Example ready: http://localhost:${port}/  (Ctrl+C to stop)\n`);
