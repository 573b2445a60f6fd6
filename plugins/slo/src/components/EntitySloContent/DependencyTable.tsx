import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import { DependencyHolder } from '@triad/plugin-slo-common';

/** What every row of a dependency table names: the path and who answers for it. */
export interface DependencyRow {
  path: string[];
  soft: boolean;
  owner?: string;
  holders?: DependencyHolder[];
}

/**
 * A service's dependencies, one row each: the path to it, hard or soft,
 * the table's own `figures` columns, its owner and its SRE and platform
 * holders; with a line for the dependencies the reader may not see.
 */
export function DependencyTable<T extends DependencyRow>(props: {
  rows: T[];
  figures: TableColumn<T>[];
  hiddenDependencies: number;
}) {
  const columns: TableColumn<T>[] = [
    {
      title: 'Dependency',
      render: d => d.path.map(ref => parseEntityRef(ref).name).join(' → '),
    },
    {
      title: 'Hard or soft',
      render: d => (d.soft ? 'Soft (has a fallback)' : 'Hard'),
    },
    ...props.figures,
    {
      title: 'Owner',
      render: d => (d.owner ? <EntityRefLink entityRef={d.owner} /> : '–'),
    },
    {
      title: 'SRE / platform',
      render: d =>
        d.holders?.length
          ? d.holders.map(h => (
              <div key={`${h.role} ${h.ref}`}>
                {h.role}: <EntityRefLink entityRef={h.ref} />
              </div>
            ))
          : '–',
    },
  ];
  return (
    <>
      {props.hiddenDependencies > 0 && (
        <Typography variant="caption" display="block">
          {props.hiddenDependencies} dependencies you may not read are left out,
          with what lies behind them.
        </Typography>
      )}
      <Table
        // Sortable headers nest a button in a button (axe: nested-interactive).
        options={{
          paging: false,
          search: false,
          toolbar: false,
          sorting: false,
        }}
        columns={columns}
        data={props.rows}
      />
    </>
  );
}
