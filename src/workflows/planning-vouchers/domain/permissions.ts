// Who may do what with planning vouchers (DOMAIN.md section 3): only the organisation's admins
// (the vendor's global admin and partner-program admin) act on vouchers; everyone else in the
// team may see where they stand and ask about them.
import { definePermissions } from "../../../platform/domain/permissions";
import type { Role } from "../../../platform/domain/roles";

export const VOUCHER_PERMISSIONS = definePermissions({
  "voucher.view": ["approver", "billing", "viewer"],
  "voucher.manage": [],
});
export type VoucherPermission = keyof typeof VOUCHER_PERMISSIONS.grants;

/** The person behind a click, as the server knows them (never as card data claims). */
export interface VoucherActor {
  userId: string;
  name: string;
  role: Role;
}
