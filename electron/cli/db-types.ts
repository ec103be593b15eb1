// npm run db:types — migrates a fresh in-memory database with the app's own migrations and writes
// electron/backend/db/tables.generated.ts from it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { generateTableTypes } from '../backend/db/codegen';
import { migrate } from '../backend/db/migrate';

const GENERATED_FILE = path.resolve(import.meta.dirname, '../backend/db/tables.generated.ts');

async function main(): Promise<void> {
  const sqlite = new Database(':memory:');
  try {
    await migrate(sqlite);
    fs.writeFileSync(GENERATED_FILE, generateTableTypes(sqlite));
  } finally {
    sqlite.close();
  }
  console.log(`wrote ${path.relative(process.cwd(), GENERATED_FILE)}`);
}

void main();
