import knexFactory, { Knex } from 'knex';

/** The suite's PostgreSQL server, from TRIAD_TEST_POSTGRES. */
export function postgresSettings() {
  const url = new URL(
    process.env.TRIAD_TEST_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432',
  );
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
  };
}

export type PostgresSettings = ReturnType<typeof postgresSettings>;

/** Runs `fn` with a connection to one database (on the suite's server unless told), then disconnects. */
export async function withDatabase<T>(
  database: string,
  fn: (db: Knex) => Promise<T>,
  server: PostgresSettings = postgresSettings(),
): Promise<T> {
  const db = knexFactory({
    client: 'pg',
    connection: { ...server, database },
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 10_000,
  });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Drops every database whose name starts with `prefix` (the suite's own). */
export async function dropDatabases(prefix: string): Promise<string[]> {
  if (!/^triad_rel_[a-z0-9_]+$/.test(prefix)) {
    throw new Error(`refusing to drop databases with prefix ${prefix}`);
  }
  return withDatabase('postgres', async db => {
    const rows: Array<{ datname: string }> = (
      await db.raw(
        'select datname from pg_database where starts_with(datname, ?)',
        [prefix],
      )
    ).rows;
    for (const { datname } of rows) {
      await db.raw('drop database if exists ?? with (force)', [datname]);
    }
    return rows.map(r => r.datname);
  });
}
