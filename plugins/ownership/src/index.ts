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
  EntityRoleOwnershipCard,
  EntityOwnershipCard,
  EntityResponsibilitiesCard,
} from './plugin';
export type {
  EntityRoleOwnershipCardProps,
  EntityOwnershipCardProps,
} from './components/EntityRoleOwnershipCard/EntityRoleOwnershipCard';
export { isOwnershipAvailable } from './isOwnershipAvailable';
export { ownershipApiRef, type OwnershipApi } from './api/OwnershipApi';
