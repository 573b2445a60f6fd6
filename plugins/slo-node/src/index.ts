/**
 * The data-source extension point of the Triad SLO backend.
 *
 * @packageDocumentation
 */

export * from './SloDataSource';
export * from './extensions';
