import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Table, TableColumn } from '@backstage/core-components';
import { FleetRollUp, formatBudgetLeft } from '@triad/plugin-slo-common';

const columns = (label: string): TableColumn<FleetRollUp>[] => [
  {
    title: label,
    field: 'key',
    render: row =>
      row.key.includes(':') ? <EntityRefLink entityRef={row.key} /> : row.key,
  },
  { title: 'SLOs', field: 'total' },
  { title: 'Healthy', render: row => row.counts.healthy },
  { title: 'Warning', render: row => row.counts.warning },
  { title: 'Breached', render: row => row.counts.breached },
  { title: 'No data', render: row => row.counts['no-data'] },
  {
    title: 'Worst SLO',
    render: row =>
      row.worst
        ? `${row.worst.title}: ${formatBudgetLeft(row.worst.remaining)}`
        : '–',
  },
];

/** Roll-up of SLOs by team or system: counts per status and the worst SLO. */
export function RollUpTable(props: {
  rows: FleetRollUp[];
  label: string;
  title: string;
}) {
  return (
    <Table<FleetRollUp>
      title={props.title}
      columns={columns(props.label)}
      data={props.rows}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        sorting: false,
      }}
    />
  );
}
