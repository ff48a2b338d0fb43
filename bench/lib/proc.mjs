import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Readers of /proc, so every server (Parley included, which we do not modify) is measured the
 * same way from outside: CPU from utime+stime, memory from VmRSS, kernel socket memory from
 * /proc/net/sockstat and /proc/slabinfo.
 */

let ticksPerSecond;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds (user + system, all threads) a process has used so far; null once it is gone. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces: fields are counted after the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return null;
  }
}

/** Resident set size in bytes; null once the process is gone. */
export function rssBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** TCP sockets in use and the pages their buffers hold (system-wide). */
export function sockstat() {
  try {
    const text = readFileSync('/proc/net/sockstat', 'utf8');
    const tcp = /TCP: inuse (\d+) orphan (\d+) tw (\d+) alloc (\d+) mem (\d+)/.exec(text);
    return tcp ? { tcpInuse: Number(tcp[1]), tcpMemBytes: Number(tcp[5]) * 4096 } : null;
  } catch {
    return null;
  }
}

/** The slab caches a TCP connection allocates from (socket, inode, file, epoll entry, dentry). */
const SOCKET_SLABS = [
  'TCP',
  'TCPv6',
  'sock_inode_cache',
  'filp',
  'eventpoll_epi',
  'eventpoll_pwq',
  'dentry',
  'skbuff_head_cache',
  'skbuff_small_head',
];

/** Bytes held by the socket-related slab caches (system-wide); null when /proc/slabinfo is not readable. */
export function socketSlabBytes() {
  try {
    const text = readFileSync('/proc/slabinfo', 'utf8');
    let total = 0;
    for (const line of text.split('\n')) {
      const [name, active, , size] = line.split(/\s+/);
      if (SOCKET_SLABS.includes(name)) total += Number(active) * Number(size);
    }
    return total;
  } catch {
    return null;
  }
}

/** Kernel memory snapshot for socket accounting. */
export function kernelSnapshot() {
  const s = sockstat();
  return { tcpInuse: s?.tcpInuse ?? null, tcpMemBytes: s?.tcpMemBytes ?? null, slabBytes: socketSlabBytes() };
}

export function loadavg() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return os.loadavg().join(' ');
  }
}

/** Machine-wide busy and total jiffies, to report how loaded the box was during a window. */
export function machineCpu() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    const total = v.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Busy share of the whole machine (0..1) between two machineCpu() snapshots. */
export function machineBusy(before, after) {
  if (!before || !after || after.total === before.total) return null;
  return (after.busy - before.busy) / (after.total - before.total);
}

export function openFilesLimit() {
  try {
    const soft = execFileSync('bash', ['-c', 'ulimit -Sn'], { encoding: 'utf8' }).trim();
    const hard = execFileSync('bash', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim();
    return { soft, hard };
  } catch {
    return { soft: 'unknown', hard: 'unknown' };
  }
}

/** The machine a run happened on. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    openFiles: openFilesLimit(),
  };
}
