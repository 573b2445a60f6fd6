import { TeamTypeKey } from '../topologyTypes';

/**
 * Colours after Team Topologies' own: stream-aligned yellow, platform blue,
 * enabling purple, complicated subsystem orange; a team without a type grey.
 */
export const TEAM_TYPE_COLORS: Record<
  TeamTypeKey,
  { fill: string; stroke: string }
> = {
  'stream-aligned': { fill: '#fff2c4', stroke: '#d4a300' },
  platform: { fill: '#d4e6fb', stroke: '#3f7fcf' },
  enabling: { fill: '#ead9f5', stroke: '#8e57b8' },
  'complicated-subsystem': { fill: '#ffdcc4', stroke: '#d8672a' },
  none: { fill: '#eeeeee', stroke: '#9e9e9e' },
};

export const TEAM_TYPE_ORDER: TeamTypeKey[] = [
  'stream-aligned',
  'platform',
  'enabling',
  'complicated-subsystem',
  'none',
];

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 60;

/**
 * The outline of a team box; the shape repeats the type for people who do
 * not tell the colours apart: stream-aligned rounded, platform square,
 * enabling a pill, complicated subsystem an octagon.
 */
export function teamShapePath(
  type: TeamTypeKey,
  w = NODE_WIDTH,
  h = NODE_HEIGHT,
): string {
  const rect = (r: number) =>
    `M${r},0 H${w - r} A${r},${r} 0 0 1 ${w},${r} V${h - r} A${r},${r} 0 0 1 ${
      w - r
    },${h} H${r} A${r},${r} 0 0 1 0,${h - r} V${r} A${r},${r} 0 0 1 ${r},0 Z`;
  switch (type) {
    case 'stream-aligned':
      return rect(Math.min(10, h / 4));
    case 'platform':
      return `M0,0 H${w} V${h} H0 Z`;
    case 'enabling':
      return rect(h / 2);
    case 'complicated-subsystem': {
      const c = Math.min(14, h / 3);
      return `M${c},0 H${w - c} L${w},${c} V${h - c} L${w - c},${h} H${c} L0,${
        h - c
      } V${c} Z`;
    }
    case 'none':
    default:
      return rect(4);
  }
}

/** Line patterns of the interaction modes. */
export const MODE_DASHES: Record<string, string | undefined> = {
  collaboration: undefined,
  'x-as-a-service': '10 5',
  facilitating: '2 5',
};

export const LINE_COLOR = '#616161';
export const MISMATCH_COLOR = '#d32f2f';
