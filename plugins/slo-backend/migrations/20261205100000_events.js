// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Deploys, incidents and maintenance of entities, marked on the SLO
  // charts. The caller names each event, so sending it again replaces it.
  await knex.schema.createTable('slo_events', table => {
    table.comment('Deploy, incident and maintenance events of entities');
    table.string('entity_ref', 255).notNullable();
    table.string('id', 200).notNullable().comment('Chosen by the caller');
    table.string('type', 16).notNullable();
    table.double('time').notNullable().comment('Epoch milliseconds');
    table.double('end_time').comment('Epoch milliseconds');
    table.string('title', 500).notNullable();
    table.text('link');
    table.string('version', 200);
    table.double('recorded_at').notNullable().comment('Epoch milliseconds');
    table.primary(['entity_ref', 'id']);
    table.index(['entity_ref', 'time'], 'slo_events_ref_time_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_events');
};
