// `writes: false` means something (issue 16): while the dispatcher runs such a method, any statement that would change
// the database fails loudly instead of slipping past the audit trail. The dispatcher marks the call with
// runReadOnly(); every query of the one Kysely instance passes ReadOnlyGuard, and writeAction checks the mark too.
// (Raw better-sqlite3 statements bypass Kysely: only the county import uses them, in a method that writes.)
import { AsyncLocalStorage } from 'node:async_hooks';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

const readOnlyCall = new AsyncLocalStorage<string>();

/** Runs a method declared `writes: false`: any write inside it throws. */
export function runReadOnly<T>(method: string, work: () => Promise<T>): Promise<T> {
  return readOnlyCall.run(method, work);
}

/**
 * Runs work outside the current call's read-only mark: the disk monitor writing the records a full disk held back
 * (disk/deferred.ts) — each an audited action of its own — when a read (disk.status) finds room again.
 */
export function outsideCall<T>(work: () => T): T {
  return readOnlyCall.exit(work);
}

/** Throws when the current call was declared read-only. */
export function assertMayWrite(what: string): void {
  const method = readOnlyCall.getStore();
  if (method) throw new Error(`${method} is declared writes: false but tried to write (${what})`);
}

const WRITE_NODES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode', 'CreateTableNode', 'DropTableNode', 'AlterTableNode', 'CreateIndexNode', 'DropIndexNode']);
const WRITE_SQL = /^\s*(insert|update|delete|replace|create|drop|alter|pragma\s+\w+\s*=)/i;

function isWrite(node: RootOperationNode): boolean {
  if (WRITE_NODES.has(node.kind)) return true;
  if (node.kind === 'RawNode') return WRITE_SQL.test(node.sqlFragments.join('?'));
  return false;
}

export class ReadOnlyGuard implements KyselyPlugin {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (isWrite(node)) assertMayWrite(node.kind);
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
