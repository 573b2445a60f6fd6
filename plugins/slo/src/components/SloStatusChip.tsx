import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { SloStatus } from '@triad/plugin-slo-common';

const LABELS: Record<SloStatus, string> = {
  healthy: 'Healthy',
  warning: 'Warning',
  breached: 'Breached',
  'no-data': 'No data',
};

/** The status of an SLO or objective, as a coloured label. */
export function SloStatusChip(props: { status: SloStatus }) {
  const label = LABELS[props.status];
  switch (props.status) {
    case 'healthy':
      return <StatusOK>{label}</StatusOK>;
    case 'warning':
      return <StatusWarning>{label}</StatusWarning>;
    case 'breached':
      return <StatusError>{label}</StatusError>;
    default:
      return <StatusPending>{label}</StatusPending>;
  }
}
