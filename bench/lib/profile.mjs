import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and returns the functions with the most self
 * time, plus a pruned, merged call tree for a flame graph (icicle) chart.
 */
export function readProfile(dir) {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return undefined;
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

function frameName(cf) {
  const url = cf.url.replace(/^file:\/\//, '');
  const short = url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 13)
    : url.includes('/service/dist/')
      ? // Compiled lines (service/dist/*.js), not the TypeScript sources' lines.
        `service/dist/${url.slice(url.indexOf('/service/dist/') + 14)}`
      : url;
  const name = cf.functionName || '(anonymous)';
  return short ? `${name} ${short}:${cf.lineNumber + 1}` : name;
}

/** Where a frame's code lives: the service, a dependency, Node itself or V8/the kernel. */
function category(cf) {
  const url = cf.url;
  if (!url) return cf.functionName.startsWith('(') ? cf.functionName : 'native (V8 / syscalls)';
  if (url.includes('node_modules/')) {
    const rest = url.slice(url.lastIndexOf('node_modules/') + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.includes('/service/dist/')) return 'parley service';
  if (url.startsWith('node:')) return 'node core';
  return 'other';
}

/**
 * `ranges`: [[fromUs, toUs]] of CLOCK_MONOTONIC microseconds (`process.hrtime.bigint() / 1000n` in
 * any process on the machine, the clock V8 stamps samples with): only samples inside count.
 */
export function summarizeProfile(profile, { top = 20, minShare = 0.004, ranges } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  let total = 0;
  let at = profile.startTime;
  const inRange = (t) => !ranges || ranges.some(([from, to]) => t >= from && t <= to);
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (!inRange(at)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    total += dt;
  });
  const idle = [...selfUs]
    .filter(([id]) => byId.get(id).callFrame.functionName === '(idle)')
    .reduce((s, [, v]) => s + v, 0);
  const busy = total - idle;

  const byFunction = new Map();
  const byCategory = new Map();
  for (const [id, us] of selfUs) {
    const cf = byId.get(id).callFrame;
    if (cf.functionName === '(idle)') continue;
    const key = frameName(cf);
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const cat = category(cf);
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + us);
  }
  const share = (us) => Math.round((us / busy) * 1000) / 10;
  const functions = [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, self_ms: Math.round(us / 1000), self_pct: share(us) }));
  const categories = [...byCategory]
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]) => ({ name, self_ms: Math.round(us / 1000), self_pct: share(us) }));

  // Merged call tree (same name under the same parent path), total time per node, for the flame graph.
  const tree = { name: 'all', value: 0, children: new Map() };
  for (const [id, us] of selfUs) {
    if (byId.get(id).callFrame.functionName === '(idle)') continue;
    const path = [];
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const cf = byId.get(at).callFrame;
      if (cf.functionName !== '(root)') path.unshift(frameName(cf));
    }
    let node = tree;
    node.value += us;
    for (const name of path) {
      if (!node.children.has(name)) node.children.set(name, { name, value: 0, children: new Map() });
      node = node.children.get(name);
      node.value += us;
    }
  }
  const flame = [];
  const walk = (node, depth, x0) => {
    if (node.value / busy < minShare) return;
    flame.push({ name: node.name, depth, x0: x0 / 1000, x1: (x0 + node.value) / 1000, pct: share(node.value) });
    let x = x0;
    for (const child of [...node.children.values()].sort((a, b) => b.value - a.value)) {
      walk(child, depth + 1, x);
      x += child.value;
    }
  };
  walk(tree, 0, 0);
  return { busy_ms: Math.round(busy / 1000), idle_ms: Math.round(idle / 1000), functions, categories, flame };
}
