import { CatalogStaleness } from './types';

/** Kinds of event the SLO charts mark. */
export const SLO_EVENT_TYPES = ['deploy', 'incident', 'maintenance'] as const;

/** @public */
export type SloEventType = (typeof SLO_EVENT_TYPES)[number];

/** `POST /v1/events`: a deploy, incident or maintenance of an entity. */
export interface SloEventInput {
  /** Chosen by the caller; sending the same id for the entity again replaces the event. */
  id: string;
  /** The entity, e.g. `component:default/payments-gateway` (kind defaults to component). */
  entityRef: string;
  type: SloEventType;
  /** ISO 8601 time or epoch milliseconds. */
  time: string | number;
  /** When an incident or maintenance ended; not before `time`. */
  end?: string | number;
  title: string;
  /** An http(s) link, e.g. the pipeline run or the incident. */
  link?: string;
  version?: string;
}

/** Budget an SLO objective spent around a deploy (`budgetSpentAround`). */
export interface SloEventBudget {
  sloRef: string;
  objectiveIndex: number;
  displayName?: string;
  /** Length of each window compared, ms (one hour). */
  windowMs: number;
  /** Share of the period's budget spent in the window before the deploy. */
  before?: number;
  /** Share spent in the window after it (so far, unless `afterComplete`). */
  after?: number;
  afterComplete: boolean;
}

/** A recorded event, as the API returns it. */
export interface SloEvent {
  id: string;
  entityRef: string;
  type: SloEventType;
  /** ISO 8601. */
  time: string;
  end?: string;
  title: string;
  link?: string;
  version?: string;
  /** When the event was last recorded, ISO 8601. */
  recordedAt: string;
  /** For deploys: budget spent by every SLO of the entity, hour before against hour after. */
  budget?: SloEventBudget[];
}

/** `GET /v1/events` */
export interface SloEventsResponse {
  entityRef: string;
  from: string;
  to: string;
  items: SloEvent[];
  /** Set when the catalog could not answer and its earlier answers were used. */
  catalogStale?: CatalogStaleness;
}

/** Range of `GET /v1/events` (default: the 7 days up to now). */
export interface SloEventsQuery {
  entityRef: string;
  from?: Date;
  to?: Date;
}
