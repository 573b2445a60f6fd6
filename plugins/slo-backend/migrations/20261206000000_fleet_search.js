// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The fleet's text search matches the SLO's title, which otherwise lives
  // only inside the result JSON. Rows written before this migration have no
  // title until the next scheduled evaluation writes them again.
  await knex.schema.alterTable('slo_latest', table => {
    table.string('title', 255).comment('The SLO title, for text search');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('slo_latest', table => {
    table.dropColumn('title');
  });
};
