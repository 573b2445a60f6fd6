/**
 * Ownership index, resolution with provenance, lookup, coverage and team
 * topology API of the Triad ownership plugins.
 *
 * @packageDocumentation
 */

export { ownershipPlugin as default } from './plugin';
