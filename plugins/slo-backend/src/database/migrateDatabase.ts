import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** Brings the plugin's tables up to date (SQLite and PostgreSQL). */
export async function migrateDatabase(db: Knex): Promise<void> {
  await db.migrate.latest({
    directory: resolvePackagePath('@triad/plugin-slo-backend', 'migrations'),
  });
}
