#!/usr/bin/env node
// `npm run bench [-- --quick]`: runs every scenario this machine allows, writes
// bench/results/<date>.json and renders docs/benchmarks.md (+ SVG charts). Exits non-zero when a
// scenario that should have run produced no numbers for Parley.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { detectCluster } from './lib/environment.mjs';
import { removeTempDirs, tempDir } from './lib/parley.mjs';
import { loadavg, machineInfo } from './lib/proc.mjs';
import { BENCH_DIR, ROOT_DIR } from './lib/processes.mjs';
import { readProfile, summarizeProfile } from './lib/profile.mjs';
import { summaryLines } from './lib/targets.mjs';
import { ALL_SCENARIOS, verifyResults } from './lib/verify.mjs';
import { renderReport } from './report.mjs';
import { runCluster } from './scenarios/cluster.mjs';
import { runFanout } from './scenarios/fanout.mjs';
import { runHistorySqlite } from './scenarios/history.mjs';
import { runHistoryCassandra } from './scenarios/history-cassandra.mjs';
import { runSize } from './scenarios/size.mjs';
import { runStart } from './scenarios/start.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'boolean' },
    'no-profile': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'start-infra': { type: 'boolean', default: false },
    'report-dir': { type: 'string' },
    'allow-skip': { type: 'boolean' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [--quick] [--only=s1,s2,s3,s4,s5,size] [--no-profile] [--no-build] [--start-infra] [--allow-skip]
  --quick        every scenario at a small scale (under two minutes); report to bench/results/quick/
  --only         a subset (s1 and s4 run together)
  --no-profile   skip the --cpu-prof run of Parley (on by default in full mode)
  --no-build     use service/dist as it is
  --start-infra  run \`bash scripts/infra.sh up\` first (opt-in: the servers are shared; never stopped)
  --allow-skip   a scenario this machine does not allow (no infra servers) is not a failure
                 (the default in full mode; --quick, as CI runs it, requires every scenario)

Exits non-zero when a scenario asked for did not complete or produced no numbers for a contender
(never on a timing). Infra endpoints: PARLEY_INFRA_{REDIS,KAFKA,CASSANDRA}_PORT, as scripts/infra.sh.`);
  process.exit(0);
}

const mode = args.quick ? 'quick' : 'full';
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : undefined;
const wanted = (id) => !only || only.has(id) || (id === 's1' && only.has('s4'));
/** The scenarios a run with these options produces (s4 comes with s1; s3 and s5 include their cluster variants). */
const asked = (id) => wanted(id) || (id === 's4' && wanted('s1')) || (id.includes('_') && wanted(id.slice(0, 2)));
const profile = !args['no-profile'] && (args.profile ?? mode === 'full');
const log = (line) => console.log(line);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds (`npm run build`: service, SDK, widget) when service/dist is missing or older than
 * service/src, or the widget build that the size scenario reads is missing.
 */
function build() {
  const main = join(ROOT_DIR, 'service/dist/main.js');
  const stale =
    !existsSync(main) ||
    newestMtime(join(ROOT_DIR, 'service/src')) > statSync(main).mtimeMs ||
    !existsSync(join(ROOT_DIR, 'widget/dist/chat-widget.js'));
  if (args['no-build'] || !stale) return { built: false, stale };
  log('== building the service (npm run build)');
  const started = performance.now();
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT_DIR, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) {
    if (!existsSync(main)) throw new Error(`service build failed:\n${r.stdout}${r.stderr}`);
    log(`   build failed (${r.stdout.trim().split('\n').slice(-2).join(' ')}); using the existing service/dist`);
    return { built: false, stale, failed: true, seconds };
  }
  return { built: true, seconds };
}

function git(...a) {
  const r = spawnSync('git', a, { cwd: ROOT_DIR, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

async function scenario(results, id, run) {
  const started = performance.now();
  log(`== ${id}`);
  try {
    const r = await run();
    results.scenarios[id] = { ...r, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } catch (err) {
    log(`   ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    results.scenarios[id] = { status: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
}

async function main() {
  const startedAt = new Date();
  const results = {
    version: 1,
    mode,
    started_at: startedAt.toISOString(),
    machine: machineInfo(),
    loadavg_before: loadavg(),
    service: {
      commit: git('rev-parse', '--short', 'HEAD'),
      dirty_files: git('status', '--porcelain', 'service')?.split('\n').filter(Boolean).length,
    },
    scenarios: {},
  };
  log(
    `parley bench (${mode}) on ${results.machine.cpus} x ${results.machine.cpuModel}, load ${results.loadavg_before}`,
  );
  if (args['start-infra']) {
    log('== bash scripts/infra.sh up (--start-infra)');
    spawnSync('bash', [join(ROOT_DIR, 'scripts/infra.sh'), 'up'], { stdio: 'inherit' });
  }
  results.build = build();

  if (wanted('size')) await scenario(results, 'size', () => runSize({ log }));
  if (wanted('s5')) await scenario(results, 's5', () => runStart({ mode, log }));
  let profileDir;
  if (wanted('s1')) {
    profileDir = profile ? tempDir('prof') : undefined;
    let fanout;
    await scenario(results, 's1', async () => {
      fanout = await runFanout({ mode, log, profileDir });
      return fanout.s1;
    });
    if (fanout) {
      results.scenarios.s4 = fanout.s4;
      const cpuprofile = fanout.profile && readProfile(fanout.profile.dir);
      if (cpuprofile) {
        const run = fanout.profile.runs.find((r) => r.metrics);
        results.profile = { windows: {} };
        for (const w of ['a', 'b_high']) {
          const range = run?.metrics[`${w}.window_us`];
          if (range) results.profile.windows[w] = summarizeProfile(cpuprofile, { ranges: [range] });
        }
        results.profile.whole_run = summarizeProfile(cpuprofile, { top: 15, minShare: 0.01 });
        delete results.profile.whole_run.flame;
      }
    } else if (results.scenarios.s1?.status === 'failed') {
      results.scenarios.s4 = { status: 'failed', error: 'runs with S1 (same sockets)' };
    }
  }
  if (wanted('s3')) await scenario(results, 's3', () => runHistorySqlite({ mode, log }));

  const clusterIds = ['s2', 's3_cassandra', 's5_cluster'].filter(asked);
  for (const id of clusterIds) {
    const cluster = detectCluster();
    if (!cluster.available) {
      results.scenarios[id] = { status: 'skipped', reason: cluster.reason };
      log(`== ${id}: skipped: ${cluster.reason}`);
      continue;
    }
    if (id === 's2') await scenario(results, id, () => runCluster({ mode, log, cluster }));
    if (id === 's3_cassandra') await scenario(results, id, () => runHistoryCassandra({ mode, log, cluster }));
    if (id === 's5_cluster') await scenario(results, id, () => runStart({ mode, log, cluster }));
  }

  removeTempDirs();
  results.loadavg_after = loadavg();
  results.seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
  const stamp = startedAt.toISOString().slice(0, 16).replace(':', '-');
  mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
  const file = join(BENCH_DIR, 'results', `${stamp}${mode === 'quick' ? '-quick' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
  const reportDir =
    args['report-dir'] ?? (mode === 'full' && !only ? join(ROOT_DIR, 'docs') : join(BENCH_DIR, 'results/quick'));
  const written = await renderReport(results, { docsDir: reportDir, resultsFile: relative(ROOT_DIR, file) });

  log('');
  for (const line of summaryLines(results)) log(line);
  log(`results: ${relative(ROOT_DIR, file)}; report: ${written.map((w) => relative(ROOT_DIR, w)).join(', ')}`);
  const buildS = results.build.seconds ? ` (of which building ${Math.round(results.build.seconds)} s)` : '';
  log(
    `took ${results.seconds} s${buildS}; load average before ${results.loadavg_before}, after ${results.loadavg_after}`,
  );
  const allowSkip = args['allow-skip'] ?? mode === 'full';
  const problems = verifyResults(results, ALL_SCENARIOS.filter(asked), { allowSkip });
  if (problems.length > 0) {
    for (const p of problems) log(`FAILED: ${p}`);
    process.exitCode = 1;
  } else {
    log(`every scenario asked for completed and produced numbers${allowSkip ? ' (or was skipped)' : ''}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
