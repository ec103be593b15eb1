// Crash safety, proven: a writer is killed with SIGKILL at random moments, many times. After each kill the database
// opens, passes integrity_check, and holds every write that was acknowledged before the kill.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/app';
import { tempDir } from '../helpers/backend';

const ROOT = path.resolve(__dirname, '../..');
const KILLS = 12;

function runAndKill(dataDir: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`: one process. (The tsx CLI would start a second one that SIGKILL on the first misses.)
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/crash-writer.ts', dataDir], { cwd: ROOT });
    const acked: string[] = [];
    let buffer = '';
    let errors = '';
    child.stderr.on('data', (c) => (errors += c));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('ACK ')) acked.push(line.slice(4));
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer exited ${code}: ${errors}`))));
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged write across ${KILLS} SIGKILLs, with an intact database`, async () => {
    const dataDir = tempDir('tc-crash-');
    const allAcked: string[] = [];
    for (let round = 0; round < KILLS; round++) {
      const acked = await runAndKill(dataDir, 50 + Math.floor(Math.random() * 400));
      allAcked.push(...acked);
      const db = new Database(path.join(dataDir, 'data', DATABASE_FILE));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const stored = new Set((db.prepare('SELECT name FROM buildings').all() as { name: string }[]).map((r) => r.name));
        const missing = allAcked.filter((name) => !stored.has(name));
        expect(missing, `round ${round}`).toEqual([]);
        // Every building has its audit row: the write and its audit commit together.
        const orphans = db.prepare("SELECT entity_id AS id, at FROM audit_log WHERE entity = 'buildings' AND entity_id NOT IN (SELECT id FROM buildings)").all();
        expect(orphans).toEqual([]);
        const unaudited = db.prepare("SELECT name FROM buildings WHERE id NOT IN (SELECT entity_id FROM audit_log WHERE entity = 'buildings')").all();
        expect(unaudited).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(allAcked.length, 'the writer got some writes done').toBeGreaterThan(KILLS);
  }, 180_000);
});
