import { InteractionMode } from '@triad/plugin-ownership-common';
import { TeamTypeKey } from './topologyTypes';

export const TEAM_TYPE_LABELS: Record<TeamTypeKey, string> = {
  'stream-aligned': 'Stream-aligned',
  platform: 'Platform',
  enabling: 'Enabling',
  'complicated-subsystem': 'Complicated subsystem',
  none: 'No team type',
};

export const MODE_LABELS: Record<InteractionMode, string> = {
  collaboration: 'collaboration',
  'x-as-a-service': 'x-as-a-service',
  facilitating: 'facilitating',
};
