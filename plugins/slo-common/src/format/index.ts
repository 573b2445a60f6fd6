/*
 * How SLO numbers are written for people: the same words on every page, in
 * the CLI and in the browser journeys that check them.
 */
export * from './humanizeDuration';
export * from './formatPercent';
export * from './formatBudget';
export * from './summarize';
