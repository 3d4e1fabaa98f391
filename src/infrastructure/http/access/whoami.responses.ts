import type { Role } from '../../../application/access/principal';

export class WhoAmIView {
  /** @example li-na */
  userId!: string;
  /** @example dealer-manager */
  role!: Role;
  /** The dealer a dealer-bound credential names; null for the network-wide roles. @example d-001 */
  dealerId!: string | null;
  /** True for the roles that only ever see their own dealer. */
  dealerBound!: boolean;
}
