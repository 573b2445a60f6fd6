// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The last scheduled evaluation of every SLO: until one has finished the
  // fleet list answers 503; its fingerprint of the catalog's SLOs tells when
  // SLOs came or went, so that the next evaluation need not wait its turn.
  await knex.schema.createTable('slo_fleet_runs', table => {
    table.comment('The last finished scheduled evaluation of every SLO');
    table.integer('id').primary().comment('Always 1: one row');
    table.double('finished_at').notNullable().comment('Epoch milliseconds');
    table.integer('slo_count').notNullable();
    table
      .string('slo_refs_hash', 64)
      .notNullable()
      .comment('sha256 of the sorted references of the SLOs it evaluated');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_fleet_runs');
};
