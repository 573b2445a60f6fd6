export interface Config {
  slo?: {
    /**
     * Data sources SLIs refer to by name (`metricSource.metricSourceRef`).
     * An entry here wins over a catalog DataSource entity of the same name.
     */
    dataSources?: Array<{
      /** Name used in `metricSourceRef`. */
      name: string;
      /** Type served by a data-source module, e.g. `prometheus`. */
      type: string;
      /** Base URL of an HTTP API (Prometheus-compatible sources). */
      baseUrl?: string;
      /**
       * Extra request headers, e.g. `X-Scope-OrgID` for Mimir.
       * @visibility secret
       */
      headers?: { [name: string]: string };
      /**
       * Sent as `Authorization: Bearer <token>`.
       * @visibility secret
       */
      bearerToken?: string;
      /** How long one measurement may take, e.g. `10s` (default `slo.evaluation.timeout`). */
      timeout?: string;
    }>;
    evaluation?: {
      /** How long an on-demand evaluation is cached, e.g. `1m` (default). */
      cacheTtl?: string;
      /** Default per-source timeout, e.g. `10s` (default). */
      timeout?: string;
      /** How often every SLO is evaluated and a snapshot stored, e.g. `5m` (default). */
      frequency?: string;
      /**
       * How often each instance checks whether the scheduled evaluation should
       * run before its turn: none has finished yet (the fleet list answers 503
       * until then), or SLOs came into or left the catalog since the last one.
       * Reads only the SLOs' references. E.g. `10s` (default; at least `1s`).
       */
      changeCheck?: string;
      /** How many SLOs a scheduled run evaluates at once (default 8). */
      concurrency?: number;
    };
    /** When an objective counts as warning or breached, by remaining budget share. */
    status?: {
      /** Default 0.25. */
      warningBelow?: number;
      /** Default 0 (overspent). */
      breachedBelow?: number;
    };
    /**
     * Error-budget policy for release gates (`/v1/entities/:kind/:ns/:name/policy`). A service's
     * `triad.dev/release-gate-policy` annotation overrides its owning team's entry in `teams`, which
     * overrides these defaults, setting by setting.
     */
    policy?: {
      /** Block releases when an objective has less than this share of budget left (default 0). */
      minRemainingBudget?: number;
      /** Block releases while a page-severity burn-rate tier fires (default true). */
      blockOnPageAlert?: boolean;
      /**
       * Policies of the services a team owns, keyed by the team's entity ref (`checkout-team`,
       * `group:default/checkout-team`; kind `group` and namespace `default` when left out), each with
       * `minRemainingBudget` and/or `blockOnPageAlert`; what a team leaves out comes from above.
       */
      teams?: {
        [teamRef: string]: {
          /** Block releases when an objective has less than this share (0–1) of budget left. */
          minRemainingBudget?: number;
          /** Block releases while a page-severity burn-rate tier fires. */
          blockOnPageAlert?: boolean;
        };
      };
    };
    /** The built-in SLI store. */
    builtin?: {
      /** How long samples are kept, e.g. `35d` (default; keep it above your longest SLO window). */
      retention?: string;
      /** Most samples accepted in one ingest request (default 10000). */
      maxBatchSize?: number;
    };
    /**
     * Notifications (through Backstage's notifications backend) when an SLO changes state, sent by
     * the scheduled evaluation: one per change across all instances, to the service's owner and role
     * holders, linking to the service's SLO tab.
     */
    notifications?: {
      /** Send notifications (default false: the notifications backend must be installed). */
      enabled?: boolean;
      /**
       * Which changes are told (default all): `pageStarted`, `pageStopped` (a page-severity
       * burn-rate tier starts or stops firing), `budgetLow` (remaining budget falls below
       * `slo.status.warningBelow`), `budgetExhausted` (nothing left), `releaseBlocked`,
       * `releaseAllowed` (the SLO closes or opens its service's release gate).
       */
      transitions?: string[];
      /**
       * Who is told (default `[owner, sre]`): `owner` is the service's `spec.owner`; any other
       * name is a role of the ownership model, resolved by the ownership backend with provenance.
       */
      roles?: string[];
    };
    /**
     * How long snapshots for history and the fleet list, and the deploy and
     * incident events marked on the charts, are kept, e.g. `90d` (default).
     */
    snapshotRetention?: string;
  };
}
