import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import {
  formatBurnRate,
  formatTimeToExhaustion,
  SloObjectiveResult,
  SloResult,
  sloRemaining,
} from '@triad/plugin-slo-common';
import { ReactNode, useMemo, useState } from 'react';
import { BudgetBar } from './BudgetBar';
import { SloStatusChip } from './SloStatusChip';

const worstObjective = (slo: SloResult): SloObjectiveResult | undefined =>
  [...slo.objectives].sort(
    (a, b) =>
      (a.budget.remaining ?? Infinity) - (b.budget.remaining ?? Infinity),
  )[0];

interface Column {
  title: string;
  render: (slo: SloResult) => ReactNode;
  /** A sort key; columns without one are not sortable. */
  sortBy?: (slo: SloResult) => number;
}

/** The title, and for a composite SLO a chip saying so and how many parts it has. */
function SloTitle(props: { slo: SloResult }) {
  const { title, composite } = props.slo;
  if (!composite) return <>{title}</>;
  return (
    <>
      {title}{' '}
      <Chip
        size="small"
        variant="outlined"
        label={`composite · ${composite.parts} part${
          composite.parts === 1 ? '' : 's'
        }`}
        title="A composite SLO: the weighted share of its parts' budgets spent; it has no burn rate of its own"
      />
    </>
  );
}

const COLUMNS: Column[] = [
  { title: 'SLO', render: slo => <SloTitle slo={slo} /> },
  {
    title: 'Service',
    render: slo => <EntityRefLink entityRef={slo.serviceRef} />,
  },
  {
    title: 'Team',
    render: slo =>
      slo.ownerRef ? <EntityRefLink entityRef={slo.ownerRef} /> : '–',
  },
  { title: 'Status', render: slo => <SloStatusChip status={slo.status} /> },
  {
    title: 'Budget left',
    render: slo => <BudgetBar remaining={sloRemaining(slo)} />,
    // Least budget first; no data last.
    sortBy: slo => sloRemaining(slo) ?? Infinity,
  },
  {
    title: 'Burn rate',
    render: slo => formatBurnRate(worstObjective(slo)?.burnRate),
    sortBy: slo => worstObjective(slo)?.burnRate ?? -1,
  },
  {
    title: 'Budget gone in',
    render: slo => {
      const worst = worstObjective(slo);
      return worst ? formatTimeToExhaustion(worst, slo) : '–';
    },
    sortBy: slo => worstObjective(slo)?.timeToExhaustionMs ?? Infinity,
  },
];

interface Sort {
  column: number;
  /** 1 ascending, -1 descending. */
  direction: number;
}

/** The header row; without `onSort` no column offers to sort. */
function SloTableHead(props: {
  sort: Sort;
  onSort?: (column: number) => void;
}) {
  const { sort, onSort } = props;
  return (
    <TableHead>
      <TableRow>
        {COLUMNS.map((c, i) => (
          <TableCell
            key={c.title}
            sortDirection={
              sort.column === i && (sort.direction > 0 ? 'asc' : 'desc')
            }
          >
            {c.sortBy && onSort ? (
              <TableSortLabel
                active={sort.column === i}
                direction={
                  sort.column === i && sort.direction < 0 ? 'desc' : 'asc'
                }
                onClick={() => onSort(i)}
              >
                {c.title}
              </TableSortLabel>
            ) : (
              c.title
            )}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}

/** A page of SLOs the server chose and ordered; the table only shows it. */
export interface ServerPage {
  totalItems: number;
  page: number;
  onPageChange: (page: number) => void;
}

/**
 * A table of SLOs, least budget first, sortable by budget, burn rate and time
 * to exhaustion. Plain table markup (one button per sortable header), so
 * screen readers and keyboards get a table they can use. Given `serverPage`,
 * the SLOs are one page of a longer list the server ordered by budget left:
 * the table pages through it and does not sort (a sort within one page
 * would misstate the whole list).
 */
export function SloTable(props: {
  slos: SloResult[];
  title: string;
  pageSize?: number;
  serverPage?: ServerPage;
}) {
  const { serverPage } = props;
  const pageSize = props.pageSize ?? 20;
  const [sort, setSort] = useState<Sort>({ column: 4, direction: 1 });
  const [clientPage, setClientPage] = useState(0);
  const page = serverPage?.page ?? clientPage;
  const setPage = serverPage?.onPageChange ?? setClientPage;
  const count = serverPage?.totalItems ?? props.slos.length;
  const sorted = useMemo(() => {
    if (serverPage) return props.slos;
    const key = COLUMNS[sort.column].sortBy!;
    return [...props.slos].sort((a, b) => sort.direction * (key(a) - key(b)));
  }, [props.slos, sort, serverPage]);
  const shown =
    !serverPage && sorted.length > pageSize
      ? sorted.slice(page * pageSize, (page + 1) * pageSize)
      : sorted;
  const toggle = (column: number) => {
    setSort(s => ({
      column,
      direction: s.column === column ? -s.direction : 1,
    }));
    setPage(0);
  };
  return (
    <Paper>
      <Typography variant="h6" component="h2" style={{ padding: 16 }}>
        {props.title}
      </Typography>
      <Table size="small" aria-label={props.title}>
        <SloTableHead sort={sort} onSort={serverPage ? undefined : toggle} />
        <TableBody>
          {shown.map(slo => (
            <TableRow key={slo.ref}>
              {COLUMNS.map(c => (
                <TableCell key={c.title}>{c.render(slo)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {count > pageSize && (
        <TablePagination
          component="div"
          count={count}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[pageSize]}
          onPageChange={(_, p) => setPage(p)}
        />
      )}
    </Paper>
  );
}
