/**
 * Ownership views for Backstage: entity ownership card, team responsibilities
 * card, lookup and coverage page, team topology page. The new frontend
 * system's plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */

export {
  ownershipPlugin,
  OwnershipPage,
  TeamTopologyPage,
  EntityOwnershipCard,
  EntityResponsibilitiesCard,
} from './plugin';
export type { EntityOwnershipCardProps } from './components/EntityOwnershipCard/EntityOwnershipCard';
export { isOwnershipAvailable } from './isOwnershipAvailable';
export { ownershipApiRef, type OwnershipApi } from './api/OwnershipApi';
