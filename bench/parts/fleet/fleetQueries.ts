import { departmentName, systemName, teamName } from '../../lib/generateSlos';

const team = (t: number) => `group:default/${teamName(t)}`;
const department = (d: number) => `group:default/${departmentName(d)}`;
const system = (s: number) => `system:default/${systemName(s)}`;

/** The fleet page's first request: the first 20 SLOs, least budget left first. */
export const FIRST_PAGE = '/slos?offset=0&limit=20';

/**
 * Every kind of request the fleet page sends (bench/README.md): a page of 20
 * under each filter alone and in combinations, a deep page, and the roll-ups
 * by owner and system, unfiltered (the menus) and filtered. `team` is a
 * department, so its five teams are found through the catalog's parentOf.
 */
export function fleetQueries(): string[] {
  const page = (filter: Record<string, string>) =>
    `/slos?${new URLSearchParams({ ...filter, offset: '0', limit: '20' })}`;
  const rollUps = (by: string, filter: Record<string, string> = {}) =>
    `/slos/rollups?${new URLSearchParams({ by, ...filter })}`;
  const dept = { team: department(1) };
  return [
    page({ owner: team(3) }),
    page(dept),
    page({ system: system(7) }),
    page({ status: 'breached' }),
    page({ status: 'healthy' }),
    page({ text: 'svc-01' }),
    page({ text: 'availability' }),
    page({ ...dept, status: 'healthy' }),
    page({ ...dept, system: system(5) }),
    page({ owner: team(2), text: 'errors' }),
    page({ system: system(7), status: 'breached' }),
    page({ ...dept, system: system(5), status: 'healthy', text: 'svc' }),
    '/slos?offset=900&limit=20',
    rollUps('owner'),
    rollUps('system'),
    rollUps('owner', dept),
    rollUps('system', { ...dept, status: 'breached' }),
  ];
}
