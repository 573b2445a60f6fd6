import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  GroupResponsibilitiesResponse,
  ResponsibilityItem,
} from '@triad/plugin-ownership-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api/OwnershipApi';
import { EntityLink } from '../EntityLink';
import { LabelledSwitch } from '../LabelledSwitch';
import { ProvenanceBadge } from '../ProvenanceBadge';
import { describeProvenance } from '../provenance';
import { shortRef } from '../refs';
import { BackendErrorPanel } from '@triad/frontend-utils';

function Item(props: {
  item: ResponsibilityItem;
  groupRef: string;
  teamTitles: Map<string, string>;
}) {
  const { item, groupRef, teamTitles } = props;
  return (
    <ListItem dense disableGutters divider>
      <Box display="flex" flexDirection="column" width="100%">
        <Box display="flex" alignItems="center" flexWrap="wrap">
          <Box mr={1}>
            <EntityLink
              entityRef={item.entity.ref}
              title={item.entity.title ?? item.entity.name}
            />
          </Box>
          <Typography
            variant="caption"
            color="textSecondary"
            style={{ marginRight: 8 }}
          >
            {item.entity.kind}
            {item.entity.type ? ` · ${item.entity.type}` : ''}
          </Typography>
          <ProvenanceBadge source={item.provenance.source} />
        </Box>
        <Typography variant="caption" color="textSecondary">
          {describeProvenance(item.provenance)}
          {item.heldBy !== groupRef &&
            ` · held by ${
              teamTitles.get(item.heldBy) ?? shortRef(item.heldBy)
            }`}
        </Typography>
      </Box>
    </ListItem>
  );
}

/**
 * A large group holds thousands of entities per role: the list grows a page
 * at a time instead of rendering them all at once.
 */
const PAGE_SIZE = 20;

function RoleItems(props: {
  items: ResponsibilityItem[];
  groupRef: string;
  teamTitles: Map<string, string>;
}) {
  const { items, groupRef, teamTitles } = props;
  const [shown, setShown] = useState(PAGE_SIZE);
  const more = Math.min(PAGE_SIZE, items.length - shown);
  return (
    <>
      <List dense disablePadding>
        {items.slice(0, shown).map(item => (
          <Item
            key={`${item.entity.ref}-${item.heldBy}`}
            item={item}
            groupRef={groupRef}
            teamTitles={teamTitles}
          />
        ))}
      </List>
      {more > 0 && (
        <Button size="small" onClick={() => setShown(shown + PAGE_SIZE)}>
          Show {more} more of {items.length}
        </Button>
      )}
    </>
  );
}

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** "Commerce and 2 sub-teams hold 7 responsibilities." */
export function summary(
  value: GroupResponsibilitiesResponse,
  total: number,
): string {
  const name = value.group.title ?? value.group.name;
  const subTeams = value.teams.length - 1;
  const held = plural(total, 'responsibility', 'responsibilities');
  if (!value.includeSubTeams) {
    return `${name} holds ${held} itself (sub-teams left out).`;
  }
  if (subTeams === 0) {
    return `${name} holds ${held}; it has no sub-teams.`;
  }
  return `${name} and ${plural(
    subTeams,
    'sub-team',
    'sub-teams',
  )} hold ${held}.`;
}

function Responsibilities(props: { value: GroupResponsibilitiesResponse }) {
  const { value } = props;
  const teamTitles = new Map(
    value.teams.map(t => [t.ref, t.title ?? t.name] as const),
  );
  const total = value.roles.reduce((n, r) => n + r.items.length, 0);
  return (
    <>
      <Typography variant="body2" gutterBottom>
        {summary(value, total)}
      </Typography>
      {total === 0 && (
        <EmptyState
          missing="data"
          title="No responsibilities yet"
          description="This team holds no role for any entity. Entities name their team in spec.owner (DevOps by default) or in spec.responsibilities."
        />
      )}
      {total > 0 &&
        value.roles.map(role => (
          <Box
            key={role.role}
            mt={2}
            data-testid={`responsibilities-${role.role}`}
          >
            <Typography variant="subtitle1">
              {role.title} ({role.items.length})
            </Typography>
            {role.items.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                Nothing.
              </Typography>
            ) : (
              <RoleItems
                items={role.items}
                groupRef={value.group.ref}
                teamTitles={teamTitles}
              />
            )}
          </Box>
        ))}
    </>
  );
}

/**
 * Group page card: what the team (and optionally its sub-teams) is
 * responsible for, per role, with how each responsibility came about.
 *
 * @public
 */
export function EntityResponsibilitiesCard() {
  const { entity } = useEntity();
  const api = useApi(ownershipApiRef);
  const ref = stringifyEntityRef(entity);
  const [includeSubTeams, setIncludeSubTeams] = useState(true);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getGroupResponsibilities(ref, { includeSubTeams }),
    [api, ref, includeSubTeams],
  );
  return (
    <InfoCard
      title="Responsibilities"
      subheader="What this team answers for, per role"
      action={
        <LabelledSwitch
          style={{ marginTop: 8 }}
          checked={includeSubTeams}
          onChange={setIncludeSubTeams}
          label="Include sub-teams"
        />
      }
    >
      {loading && <Progress />}
      {error && <BackendErrorPanel error={error} onRetry={retry} />}
      {value && !loading && <Responsibilities value={value} />}
    </InfoCard>
  );
}
