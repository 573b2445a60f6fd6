// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The last state of each SLO that notifications compare with. The scheduled
  // evaluation claims a transition by moving `version` on (compare-and-set)
  // before it sends, so no two runs or replicas send the same transition.
  await knex.schema.createTable('slo_alert_states', table => {
    table.comment('The last notified state of each SLO');
    table.string('slo_ref', 255).primary();
    table
      .text('state')
      .notNullable()
      .comment('JSON: pageFiring, budget level, releaseBlocked');
    table.integer('version').notNullable();
    table.double('changed_at').notNullable().comment('Epoch milliseconds');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_alert_states');
};
