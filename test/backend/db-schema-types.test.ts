// The Kysely table types cannot drift from the SQL: tables.generated.ts is what `npm run db:types` writes from the
// migrated schema today, and every column schema.ts narrows by hand exists in the generated table.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camel, columnsOf, generateTableTypes, tableNames, tableTypeName } from '../../electron/backend/db/codegen';
import { migrate } from '../../electron/backend/db/migrate';
import type { Narrow } from '../../electron/backend/db/schema';
import type * as G from '../../electron/backend/db/tables.generated';

const DB_DIR = path.resolve(__dirname, '../../electron/backend/db');

// Compile-time checks (npx tsc): a narrowing must name an existing column and fit its generated type.
// @ts-expect-error no such column
export type NoSuchColumn = Narrow<G.BedsTable, { bedKind: string }>;
// @ts-expect-error a NOT NULL column cannot be narrowed to a nullable type
export type NullableNarrowing = Narrow<G.BedsTable, { bedType: 'normal' | null }>;

let sqlite: Database.Database;
beforeAll(async () => {
  sqlite = new Database(':memory:');
  await migrate(sqlite);
});
afterAll(() => sqlite.close());

/** The narrowings of schema.ts as written: exported type name → generated table type → narrowed columns. */
function narrowings(): { name: string; generated: string; columns: string[] }[] {
  const file = path.join(DB_DIR, 'schema.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { name: string; generated: string; columns: string[] }[] = [];
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement) || !ts.isTypeReferenceNode(statement.type)) continue;
    const ref = statement.type;
    if (ref.typeName.getText() !== 'Narrow' || ref.typeArguments?.length !== 2) continue;
    const [target, narrowing] = ref.typeArguments;
    if (!ts.isTypeLiteralNode(narrowing)) throw new Error(`${statement.name.text}: the narrowing is not a type literal`);
    found.push({
      name: statement.name.text,
      generated: target.getText().replace(/^G\./, ''),
      columns: narrowing.members.map((m) => m.name!.getText()),
    });
  }
  return found;
}

/** The members of `interface DB extends G.DB` in schema.ts: table key → type name. */
function dbOverrides(): Map<string, string> {
  const file = path.join(DB_DIR, 'schema.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const db = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB');
  if (!db) throw new Error('schema.ts has no interface DB');
  return new Map(db.members.map((m) => [m.name!.getText(), (m as ts.PropertySignature).type!.getText()]));
}

describe('database types', () => {
  it('tables.generated.ts is what the migrated schema generates (if not: run npm run db:types)', () => {
    const committed = fs.readFileSync(path.join(DB_DIR, 'tables.generated.ts'), 'utf8');
    const fresh = generateTableTypes(sqlite);
    expect(committed === fresh, 'electron/backend/db/tables.generated.ts is stale: run npm run db:types').toBe(true);
  });

  it('every column schema.ts narrows exists in its generated table, and every narrowed table is in DB', () => {
    const byType = new Map(tableNames(sqlite).map((t) => [tableTypeName(t), t]));
    const overrides = dbOverrides();
    const list = narrowings();
    expect(list.length).toBeGreaterThan(20);
    for (const n of list) {
      const table = byType.get(n.generated);
      expect(table, `${n.name} narrows ${n.generated}, which is not a generated table`).toBeDefined();
      expect(n.name, `${n.name} should keep its table's name`).toBe(n.generated);
      const columns = new Set(columnsOf(sqlite, table!).map((c) => camel(c.name)));
      for (const c of n.columns) expect(columns.has(c), `${n.name}.${c} is not a column of ${table}`).toBe(true);
      expect(overrides.get(camel(table!)), `DB.${camel(table!)} should be ${n.name}`).toBe(n.name);
    }
    const narrowed = new Set(list.map((n) => n.name));
    for (const [key, type] of overrides) {
      expect(byType.has(type) && camel(byType.get(type)!) === key, `DB.${key}: ${type} is not a generated table`).toBe(true);
      expect(narrowed.has(type), `DB.${key} overrides the generated type without narrowing it`).toBe(true);
    }
  });
});
