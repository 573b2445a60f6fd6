/**
 * SLO views for Backstage: service card and tab, fleet page, team card.
 * The new frontend system's plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */

export {
  sloPlugin,
  SloPage,
  EntitySloCard,
  EntitySloContent,
  EntityTeamSloCard,
  EntityBurnDependentsCard,
} from './plugin';
export { isSloAvailable } from './isSloAvailable';
export { sloApiRef, type SloApi } from './api/SloApi';
