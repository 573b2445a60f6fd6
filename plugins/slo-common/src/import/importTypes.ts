/** What could not be carried over from another tool's SLO, and why. */
export interface ImportNote {
  /** The document it concerns, e.g. `Sloth "checkout" SLO "availability"`. */
  source: string;
  /** The field of the source document, e.g. `slos[0].alerting.labels`. */
  field: string;
  message: string;
}

/** Options of the importers. */
export interface ImportOptions {
  /**
   * `metricSourceRef` of the imported SLIs: the Prometheus data source as
   * Triad knows it (`slo.dataSources` or a DataSource entity). Default
   * `prometheus`.
   */
  dataSource?: string;
  /**
   * The catalog component the SLOs measure (`spec.service`). Sloth specs name
   * their service; Pyrra resources do not, so their name is taken unless this
   * is given.
   */
  service?: string;
  /**
   * The period Sloth was run with (`--default-slo-period`): `30d`, Sloth's
   * default, or `28d`. Sloth specs do not say it.
   */
  slothPeriod?: '30d' | '28d';
}

/** The outcome of an import: OpenSLO v1 documents and what was left behind. */
export interface ImportResult {
  /** OpenSLO v1 SLO documents, each with its SLI and alert policy inline. */
  documents: Array<Record<string, unknown>>;
  notes: ImportNote[];
}
