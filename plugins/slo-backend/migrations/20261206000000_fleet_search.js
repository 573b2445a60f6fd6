// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The fleet's text search and roll-ups read the SLO's title, which
  // otherwise lives only inside the result JSON; rows already there get it
  // from their JSON (one row per SLO).
  await knex.schema.alterTable('slo_latest', table => {
    table
      .string('title', 255)
      .comment('The SLO title, for search and roll-ups');
  });
  const rows = await knex('slo_latest').select('slo_ref', 'result');
  for (const row of rows) {
    const { title } = JSON.parse(row.result);
    await knex('slo_latest')
      .where('slo_ref', row.slo_ref)
      .update({ title: String(title ?? row.slo_ref).slice(0, 255) });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('slo_latest', table => {
    table.dropColumn('title');
  });
};
