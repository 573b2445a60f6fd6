import { AuthService } from '@backstage/backend-plugin-api';
import { OwnershipApi } from '@triad/plugin-ownership-common';
import { SloRecipient } from '@triad/plugin-slo-common';
import { coveredRoles } from '../ownership/coveredRoles';
import { ownershipToken } from '../ownership/ownershipToken';
import { OWNER_ROLE } from './readSloNotificationsConfig';

/**
 * Who is told about an SLO's service: its owner (`spec.owner`, from the
 * catalog relation) and the holders of the configured roles as the ownership
 * backend resolves them, with provenance. Asking the ownership backend keeps
 * the resolution rules (inherited, derived, default) in one place; the
 * catalog's relations hold only explicit assignments.
 */
export class SloRecipientResolver {
  constructor(
    private readonly deps: {
      ownership: OwnershipApi;
      auth: AuthService;
      roles: readonly string[];
    },
  ) {}

  /**
   * One entry per group or user, with every role it holds. Roles that are
   * uncovered, orphaned or restricted have no one to tell.
   */
  async resolve(
    serviceRef: string,
    ownerRef: string | undefined,
  ): Promise<SloRecipient[]> {
    const byRef = new Map<string, SloRecipient>();
    const add = (ref: string, reason: SloRecipient['reasons'][number]) => {
      const r = byRef.get(ref) ?? { ref, reasons: [] };
      r.reasons.push(reason);
      byRef.set(ref, r);
    };
    for (const role of this.deps.roles) {
      if (role === OWNER_ROLE && ownerRef) {
        add(ownerRef, {
          role,
          roleTitle: 'Owner',
          provenance: { source: 'explicit', path: [serviceRef] },
        });
      }
    }
    const roles = this.deps.roles.filter(r => r !== OWNER_ROLE);
    if (roles.length) {
      const { token } = await ownershipToken(this.deps.auth);
      const covered = await coveredRoles(
        this.deps.ownership,
        serviceRef,
        roles,
        token,
      );
      for (const r of covered) {
        add(r.owner.ref, {
          role: r.role,
          roleTitle: r.title,
          provenance: r.provenance,
        });
      }
    }
    return [...byRef.values()];
  }
}
