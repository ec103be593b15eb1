// The county's check workers: a few threads (one per core, at most four) that check package files while the main
// thread writes. Started on the first check, reused, terminated with the backend. A worker that crashes or throws
// on a file refuses that file only; the next file gets a fresh worker.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckJob, CheckReply } from './check-job';
import type { Checked, Verdict } from './verdict';

const MAX_WORKERS = 4;
/**
 * A check allocates tens of MB of short-lived objects (the parsed lines, zod's copies, their JSON): a young generation
 * of 192 MB (64 MB semi-spaces, grown only as needed) spends about a tenth less CPU on garbage collection per check
 * than Node's default (profiled on the bench's packages).
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 192 };

/** Tests only: a worker exits while checking the file of this name (set by tests, not reachable from the API). */
let dieOn: string | null = null;
export function dieOnFileForTests(fileName: string | null) {
  dieOn = fileName;
}

/** Every worker of every pool still running (tests check that close stops them). */
const live = new Set<Worker>();
export const liveCheckWorkers = () => live.size;

/**
 * A new worker: the TypeScript source under tsx or vitest (through tsx's require hook — `--import tsx` does not reach a
 * worker's first module on Node 20), or the file esbuild writes next to the bundled main process
 * (out/main/county-check-worker.js; unpacked from the asar, where a worker can load it).
 */
function startWorker(): Worker {
  const source = path.join(__dirname, 'check-worker.ts');
  if (fs.existsSync(source)) {
    const tsx = createRequire(__filename).resolve('tsx/cjs');
    const env = { ...process.env, TSX_TSCONFIG_PATH: path.resolve(__dirname, '../../../../tsconfig.json') };
    return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true, env, resourceLimits: RESOURCE_LIMITS });
  }
  return new Worker(path.join(__dirname, 'county-check-worker.js').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'), { resourceLimits: RESOURCE_LIMITS });
}

export const workersWanted = () => Math.max(1, Math.min(MAX_WORKERS, os.availableParallelism()));

function refused(job: Pick<CheckJob, 'fileName' | 'fileHash'>, message: string): Checked {
  const verdict: Verdict = { fileName: job.fileName, fileHash: job.fileHash, outcome: 'rejected', message, manifest: null, centreName: '', counts: {}, errors: [], warnings: [], apply: null };
  return { ok: false, verdict };
}
const crashed = (fileName: string) => `检查「${fileName}」时检查程序意外退出，这个数据包没有导入，也没有写入任何数据。请重新导入这个文件；如果每次都这样，请联系技术支持`;
const failed = (fileName: string) => `检查「${fileName}」时程序出错，这个数据包没有导入，也没有写入任何数据。请联系技术支持，并提供这个文件`;
/** A check the closing program stopped (or never started): nothing went wrong with the file, it was just not checked. */
export const closing = (fileName: string) => `程序正在关闭，「${fileName}」没有检查完，这个数据包没有导入，也没有写入任何数据。请重新打开程序后再导入这个文件`;

interface Task {
  job: CheckJob;
  resolve: (checked: Checked) => void;
}

export class CheckPool {
  private idle: Worker[] = [];
  private busy = new Map<Worker, Task>();
  private queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size = workersWanted()) {}

  /** Checks one file in a worker; never rejects — a crash is a refusal of that file. */
  check(job: Omit<CheckJob, 'id' | 'dieForTests'>): Promise<Checked> {
    if (this.closed) return Promise.resolve(refused(job, closing(job.fileName)));
    return new Promise((resolve) => {
      this.queue.push({ job: { ...job, id: this.nextId++, dieForTests: job.fileName === dieOn }, resolve });
      this.pump();
    });
  }

  private pump() {
    while (this.queue.length && (this.idle.length || this.busy.size < this.size)) {
      const worker = this.idle.pop() ?? this.spawn();
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.ref(); // a pending check keeps the process alive (the CLI awaits nothing else)
      worker.postMessage(task.job);
    }
  }

  private spawn(): Worker {
    const worker = startWorker();
    live.add(worker);
    worker.on('message', (reply: CheckReply) => {
      const task = this.busy.get(worker);
      if (!task || task.job.id !== reply.id) return;
      this.busy.delete(worker);
      worker.unref(); // an idle worker does not hold the process open
      this.idle.push(worker);
      task.resolve('checked' in reply ? reply.checked : refused(task.job, failed(task.job.fileName)));
      this.pump();
    });
    const lost = (message: (fileName: string) => string) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle = this.idle.filter((w) => w !== worker);
      if (task) task.resolve(refused(task.job, message(task.job.fileName)));
      if (!this.closed) this.pump();
    };
    // A worker stopped by close() did not crash: its file was simply not checked.
    worker.on('error', () => lost(this.closed ? closing : failed));
    worker.on('exit', () => {
      live.delete(worker);
      lost(this.closed ? closing : crashed);
    });
    return worker;
  }

  /**
   * Stops every worker. Checks still queued, and those a worker was in the middle of, are refused as not checked
   * because the program is closing — not as a crash.
   */
  async close() {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.resolve(refused(task.job, closing(task.job.fileName)));
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
    // Each worker's exit has normally answered its check already; any still waiting gets the same answer.
    for (const task of this.busy.values()) task.resolve(refused(task.job, closing(task.job.fileName)));
    this.busy.clear();
    this.idle = [];
  }
}
