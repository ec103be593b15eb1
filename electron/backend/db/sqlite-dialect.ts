// Kysely's SQLite dialect, with one difference: SQLite rolls a transaction back by itself on some errors — a full disk
// (SQLITE_FULL), an I/O error, running out of memory — and Kysely's own ROLLBACK after it then fails with "cannot
// rollback - no transaction is active", which would hide the error that says what happened (issue 25).
import type Database from 'better-sqlite3';
import { type DatabaseConnection, type Driver, SqliteDialect } from 'kysely';

export class SqliteDialectKeepingErrors extends SqliteDialect {
  readonly #sqlite: Database.Database;

  constructor(sqlite: Database.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const sqlite = this.#sqlite;
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      if (sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}
