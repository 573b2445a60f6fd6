import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Table, TableColumn } from '@backstage/core-components';
import {
  formatBurnRate,
  formatTimeToExhaustion,
  SloResult,
} from '@triad/plugin-slo-common';
import { BudgetBar } from './BudgetBar';
import { minRemaining } from './rollUp';
import { SloStatusChip } from './SloStatusChip';

const worstObjective = (slo: SloResult) =>
  [...slo.objectives].sort(
    (a, b) =>
      (a.budget.remaining ?? Infinity) - (b.budget.remaining ?? Infinity),
  )[0];

const columns: TableColumn<SloResult>[] = [
  { title: 'SLO', field: 'title', highlight: true },
  {
    title: 'Service',
    field: 'serviceRef',
    render: slo => <EntityRefLink entityRef={slo.serviceRef} />,
  },
  {
    title: 'Team',
    field: 'ownerRef',
    render: slo =>
      slo.ownerRef ? <EntityRefLink entityRef={slo.ownerRef} /> : '–',
  },
  {
    title: 'Status',
    field: 'status',
    render: slo => <SloStatusChip status={slo.status} />,
  },
  {
    title: 'Budget left',
    // Least budget first; no data last.
    customSort: (a, b) =>
      (minRemaining(a) ?? Infinity) - (minRemaining(b) ?? Infinity),
    defaultSort: 'asc',
    render: slo => <BudgetBar remaining={minRemaining(slo)} />,
  },
  {
    title: 'Burn rate',
    customSort: (a, b) =>
      (worstObjective(a)?.burnRate ?? -1) - (worstObjective(b)?.burnRate ?? -1),
    render: slo => formatBurnRate(worstObjective(slo)?.burnRate),
  },
  {
    title: 'Budget gone in',
    customSort: (a, b) =>
      (worstObjective(a)?.timeToExhaustionMs ?? Infinity) -
      (worstObjective(b)?.timeToExhaustionMs ?? Infinity),
    render: slo => {
      const worst = worstObjective(slo);
      return worst ? formatTimeToExhaustion(worst, slo) : '–';
    },
  },
];

/** A sortable table of SLOs, least budget first. */
export function SloTable(props: {
  slos: SloResult[];
  title: string;
  pageSize?: number;
}) {
  return (
    <Table<SloResult>
      title={props.title}
      columns={columns}
      data={props.slos}
      options={{
        paging: props.slos.length > (props.pageSize ?? 20),
        pageSize: props.pageSize ?? 20,
        search: false,
        padding: 'dense',
      }}
    />
  );
}
