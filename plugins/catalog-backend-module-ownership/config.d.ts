export interface Config {
  ownership?: {
    /**
     * The roles that `spec.responsibilities` may assign and that
     * `spec.topology.disciplines` may name. Replaces the defaults (devops,
     * sre, platform) when given. `devops` falls back to `spec.owner`;
     * `platform` can be derived from platform-team-owned resources.
     */
    roles?: Array<{
      /** Letters and digits, starting with a lower-case letter; used in relation names such as `sreOwnedBy`. */
      id: string;
      title?: string;
      description?: string;
    }>;
  };
}
