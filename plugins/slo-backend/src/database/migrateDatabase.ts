import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** Brings the plugin's tables up to date (SQLite and PostgreSQL). */
export async function migrateDatabase(db: Knex): Promise<void> {
  await db.migrate.latest({
    directory: resolvePackagePath('@triad/plugin-slo-backend', 'migrations'),
  });
}

/** The plugin's database client, migrated unless the app skips migrations. */
export async function databaseClient(database: DatabaseService): Promise<Knex> {
  const db = await database.getClient();
  if (!database.migrations?.skip) await migrateDatabase(db);
  return db;
}
