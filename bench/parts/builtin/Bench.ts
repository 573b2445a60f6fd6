import { partResult } from '../../lib/report';

/** What every step of this part shares. */
export interface Bench {
  quick: boolean;
  out: ReturnType<typeof partResult>;
  section: string;
  nSeries: number;
  /** The last minute of every generated series. */
  endMinute: number;
}
