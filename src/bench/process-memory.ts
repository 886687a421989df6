/**
 * Memory of a command and every process it starts (npm, the shell, Node, esbuild…), read from Linux's /proc
 * while it runs: the peak of their resident memory added together, and each process's own peak (its high-water
 * mark, VmHWM, kept by the kernel between two readings).
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

export interface ProcessPeak {
  command: string;
  peakMb: number;
}

export interface CommandRun {
  seconds: number;
  /** CPU time of the processes of the tree, added together (user and system, as last read). */
  cpuSeconds: number;
  /** Peak of the resident memory of the whole process tree, added together. */
  peakTotalMb: number;
  /** The processes of the tree, largest peak first. */
  processes: ProcessPeak[];
}

interface ProcStatus {
  pid: number;
  ppid: number;
  rssKb: number;
  hwmKb: number;
  /** User and system CPU time, in clock ticks (1/100 s on Linux). */
  ticks: number;
  command: string;
}

async function status(pid: number): Promise<ProcStatus | null> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'mu').exec(text)?.[1] ?? 0);
    const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean).slice(0, 3);
    // After the command's name, in brackets: state, ppid… utime and stime are the 12th and 13th fields.
    const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\)\s+/su, '').split(' ');
    return {
      pid,
      ppid: field('PPid'),
      rssKb: field('VmRSS'),
      hwmKb: field('VmHWM'),
      ticks: Number(stat[11]) + Number(stat[12]),
      command: command.map((part) => part.replace(/^.*\/node_modules\//u, '')).join(' '),
    };
  } catch {
    // The process ended between the listing and the reading.
    return null;
  }
}

/** `root` and its descendants, as /proc lists them now. */
async function tree(root: number): Promise<ProcStatus[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/u.test(name)).map(Number);
  const all = (await Promise.all(pids.map(status))).filter((s): s is ProcStatus => s !== null);
  const inTree = new Set([root]);
  // Parents are listed before their children in the common case; a few passes settle the rest.
  for (let changed = true; changed;) {
    changed = false;
    for (const s of all)
      if (!inTree.has(s.pid) && inTree.has(s.ppid)) {
        inTree.add(s.pid);
        changed = true;
      }
  }
  return all.filter((s) => inTree.has(s.pid));
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** Runs `command` with `args`, its output discarded but for the error's, and measures it every `everyMs`. */
export async function measureCommand(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  everyMs = 100,
): Promise<CommandRun> {
  const start = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
  let running = true;
  void exited.finally(() => (running = false));
  let peakTotalKb = 0;
  const peaks = new Map<number, ProcessPeak & { kb: number }>();
  const ticks = new Map<number, number>();
  while (running) {
    const processes = await tree(child.pid!);
    peakTotalKb = Math.max(
      peakTotalKb,
      processes.reduce((sum, s) => sum + s.rssKb, 0),
    );
    for (const s of processes) ticks.set(s.pid, s.ticks);
    for (const s of processes)
      if ((peaks.get(s.pid)?.kb ?? -1) < s.hwmKb)
        peaks.set(s.pid, { command: s.command, kb: s.hwmKb, peakMb: mb(s.hwmKb) });
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  const code = await exited;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} : code de sortie ${code}\n${stderr}`);
  return {
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: [...ticks.values()].reduce((sum, t) => sum + t, 0) / 100,
    peakTotalMb: mb(peakTotalKb),
    processes: [...peaks.values()].sort((a, b) => b.kb - a.kb).map(({ command, peakMb }) => ({ command, peakMb })),
  };
}
