import { TopologyResponse } from '@triad/plugin-ownership-common';
import { useMemo, useState } from 'react';
import { TeamTypeKey, TopologyView } from '../topologyTypes';
import { TEAM_TYPE_ORDER } from './teamTypeStyles';

/**
 * The team map's filters. No team type chosen means every type; unchecking
 * one type of all starts from all of them, and checking the last one again
 * goes back to "every type".
 */
export function useTopologyFilter(topology: TopologyResponse) {
  const [view, setView] = useState<TopologyView>('declared');
  const [types, setTypes] = useState<TeamTypeKey[]>([]);
  const [discipline, setDiscipline] = useState('');
  const [search, setSearch] = useState('');
  // Undefined until the user chooses: the map then decides by its size.
  const [hideIsolated, setHideIsolated] = useState<boolean>();

  const presentTypes = useMemo(() => {
    const present = new Set(topology.teams.map(t => t.team.teamType ?? 'none'));
    return TEAM_TYPE_ORDER.filter(t => present.has(t) || t !== 'none');
  }, [topology]);

  const toggleType = (t: TeamTypeKey) =>
    setTypes(current => {
      const base = current.length ? current : presentTypes;
      const next = base.includes(t) ? base.filter(x => x !== t) : [...base, t];
      return next.length === presentTypes.length ? [] : next;
    });
  const typeShown = (t: TeamTypeKey) => !types.length || types.includes(t);

  return {
    view,
    setView,
    types,
    presentTypes,
    toggleType,
    typeShown,
    discipline,
    setDiscipline,
    search,
    setSearch,
    hideIsolated,
    setHideIsolated,
  };
}

/** The filters and their setters, as `useTopologyFilter` gives them. */
export type TopologyFilterState = ReturnType<typeof useTopologyFilter>;
