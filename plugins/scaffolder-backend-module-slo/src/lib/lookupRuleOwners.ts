import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  LocatedOpenSloDocument,
  ServiceOwners,
  SloDocument,
  sloServiceRef,
} from '@triad/plugin-slo-common';
import { OwnerLookupDeps, lookupServiceOwners } from './lookupServiceOwners';

/**
 * The owners of the services of the SLOs the rules are for, asked on behalf
 * of the user running the template; what is unknown is logged as a warning.
 */
export async function lookupRuleOwners(
  ownerDeps: OwnerLookupDeps | undefined,
  documents: ReadonlyArray<LocatedOpenSloDocument>,
  input: { slos?: string[]; sreRole?: string },
  ctx: {
    logger: LoggerService;
    getInitiatorCredentials(): Promise<BackstageCredentials>;
  },
): Promise<Map<string, ServiceOwners>> {
  if (!ownerDeps) {
    throw new InputError(
      'labelOwners: this action was created without the catalog, discovery and auth services',
    );
  }
  const lookup = await lookupServiceOwners(
    ownerDeps,
    sloServiceRefs(documents, input.slos),
    input.sreRole ?? 'sre',
    await ctx.getInitiatorCredentials(),
  );
  lookup.warnings.forEach(w => ctx.logger.warn(w));
  return lookup.owners;
}

/** The services of the SLOs the rules are for, as full entity refs. */
function sloServiceRefs(
  documents: ReadonlyArray<LocatedOpenSloDocument>,
  slos: string[] | undefined,
): string[] {
  return documents
    .map(d => d.document)
    .filter(
      (d): d is SloDocument =>
        d.kind === 'SLO' && (!slos || slos.includes(d.metadata.name)),
    )
    .map(d => stringifyEntityRef(sloServiceRef(d)));
}
