// `npm run sync -- …`: the monthly package from the command line, through the same dispatcher as the screens.
//   export --data <centre data folder> --month YYYY-MM [--out <folder>] [--reason <更正原因>]
//   import --data <county data folder> --folder <folder of .tcpkg files> [--dry-run]
// The audit log names the command line and the operating-system user. Exit code 0 when everything was accepted or
// already imported (for a dry run: would be), 1 when something was refused, 2 on bad arguments.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBackend } from '../backend/app';
import { Session } from '../backend/security/session';
import { installationMode } from '../backend/package/identity';

const USAGE = `用法：
  npm run sync -- export --data <敬老院数据文件夹> --month 2026-11 [--out <保存到的文件夹>] [--reason <更正原因>]
  npm run sync -- import --data <县级数据文件夹> --folder <数据包所在文件夹> [--dry-run]`;

type Dispatch = (method: string, input: unknown) => Promise<unknown>;

async function waitFor<T extends { done: boolean }>(poll: () => Promise<T>, onTick: (job: T) => void): Promise<T> {
  for (;;) {
    const job = await poll();
    onTick(job);
    if (job.done) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function exportMonth(call: Dispatch, month: string, out: string | null, reason: string | null): Promise<number> {
  const { jobId } = (await call('sync.export', { period: month, folder: out, correctionReason: reason })) as { jobId: string };
  const job = await waitFor(
    () => call('sync.job', { jobId }) as Promise<{ done: boolean; percent: number; stage: string; error: string | null; savedTo: string | null; result: { fileName: string; sequence: number; correction: number; rows: number; warnings: string[] } | null }>,
    (j) => process.stdout.write(`\r${String(j.percent).padStart(3)}% ${j.stage}      `),
  );
  process.stdout.write('\n');
  if (job.error || !job.result) {
    console.error(`导出失败：${job.error ?? '未知原因'}`);
    return 1;
  }
  console.log(`已导出 ${job.result.fileName}（第 ${job.result.sequence} 号${job.result.correction ? `，更正${job.result.correction}` : ''}，${job.result.rows} 条记录）`);
  console.log(`保存在：${job.savedTo}`);
  for (const w of job.result.warnings) console.log(`  提醒：${w}`);
  return 0;
}

async function importFolder(call: Dispatch, folder: string, dryRun: boolean): Promise<number> {
  const staged = (await call('county.stage', { batchId: null, folder })) as { batchId: string; items: Array<{ fileName: string; outcome: string; message: string; errors: string[]; warnings: string[] }> };
  if (dryRun) {
    for (const item of staged.items) {
      console.log(`[${item.outcome}] ${item.fileName}：${item.message}`);
      for (const e of item.errors) console.log(`  错误：${e}`);
      for (const w of item.warnings) console.log(`  提醒：${w}`);
    }
    console.log(`预览 ${staged.items.length} 个数据包，未写入任何数据。`);
    return staged.items.every((i) => i.outcome === 'accepted' || i.outcome === 'already_imported') ? 0 : 1;
  }
  const { jobId } = (await call('county.apply', { batchId: staged.batchId })) as { jobId: string };
  const job = await waitFor(
    () => call('county.job', { jobId }) as Promise<{ done: boolean; percent: number; error: string | null; reports: Array<{ reportId: string; outcome: string }> }>,
    (j) => process.stdout.write(`\r导入中 ${String(j.percent).padStart(3)}%      `),
  );
  process.stdout.write('\n');
  if (job.error) console.error(job.error);
  for (const r of job.reports) {
    const file = (await call('county.reportFile', { id: r.reportId })) as { text: string };
    console.log(file.text);
  }
  const accepted = job.reports.filter((r) => r.outcome === 'accepted').length;
  console.log(`共 ${job.reports.length} 个数据包：导入 ${accepted} 个，其余见上面的回执。`);
  return job.reports.every((r) => r.outcome === 'accepted' || r.outcome === 'already_imported') && !job.error ? 0 : 1;
}

export async function runSyncCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: rest, options: { data: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' }, reason: { type: 'string' }, folder: { type: 'string' }, 'dry-run': { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const data = values.data as string | undefined;
  if ((command !== 'export' && command !== 'import') || !data || (command === 'export' && !values.month) || (command === 'import' && !values.folder)) {
    console.error(USAGE);
    return 2;
  }
  const backend = await startBackend({ dataDir: path.resolve(data) });
  try {
    const mode = await installationMode(backend.holder.deps);
    if ((command === 'import') !== (mode === 'county')) {
      console.error(command === 'import' ? '这个数据文件夹是敬老院的，不能导入县级数据包' : '这个数据文件夹是县级汇总用的，不能导出月报');
      return 1;
    }
    const terminal = new Session();
    const name = `命令行（npm run sync，${os.userInfo().username}）`;
    terminal.signIn({ userId: 'cli', name, role: mode === 'county' ? 'county_admin' : 'admin', mustChangePassword: false }, new Date());
    const call: Dispatch = async (method, input) => {
      const result = await backend.dispatch(terminal, method, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    if (command === 'export') return await exportMonth(call, values.month as string, values.out ? path.resolve(values.out as string) : null, (values.reason as string | undefined) ?? null);
    return await importFolder(call, path.resolve(values.folder as string), values['dry-run'] === true);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await backend.close();
  }
}

if (require.main === module) {
  // No process.exit(): it ends the process before a piped stdout has drained (`… | cat` lost the last receipts).
  void runSyncCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
