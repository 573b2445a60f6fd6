// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Built-in SLI store: one row per series and minute, so re-sending a sample
  // replaces it (idempotent ingest).
  await knex.schema.createTable('slo_samples', table => {
    table.comment('Per-minute good/total event counts of the built-in store');
    table.string('series', 200).notNullable();
    table
      .integer('minute')
      .notNullable()
      .comment('Minutes since the epoch (UTC)');
    table.double('good').notNullable();
    table.double('total').notNullable();
    table.primary(['series', 'minute']);
  });

  await knex.schema.createTable('slo_snapshots', table => {
    table.comment('Evaluations of SLOs over time, for history');
    table.increments('id');
    table.string('slo_ref', 255).notNullable();
    table.double('evaluated_at').notNullable().comment('Epoch milliseconds');
    table.text('result').notNullable().comment('The evaluation as JSON');
    table.index(['slo_ref', 'evaluated_at'], 'slo_snapshots_ref_time_idx');
  });

  // The latest good evaluation of each SLO: the fleet list and the fallback
  // served (as stale) when a source fails.
  await knex.schema.createTable('slo_latest', table => {
    table.string('slo_ref', 255).primary();
    table.string('service_ref', 255).notNullable();
    table.string('owner_ref', 255);
    table.string('system_ref', 255);
    table.string('status', 16).notNullable();
    table.double('remaining');
    table.double('evaluated_at').notNullable();
    table.text('result').notNullable();
    table.index(['owner_ref'], 'slo_latest_owner_idx');
    table.index(['system_ref'], 'slo_latest_system_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_latest');
  await knex.schema.dropTable('slo_snapshots');
  await knex.schema.dropTable('slo_samples');
};
