// Who may do what with usage reports (DOMAIN.md "Roles"): billing users and admins edit, save
// and submit; everyone in the organisation reads. Admins hold every permission.
import { definePermissions } from "../../../platform/domain/permissions";

export const usageReportPermissions = definePermissions({
  "usage-report.view": ["approver", "billing", "viewer"],
  "usage-report.edit": ["billing"],
});

export type UsageReportPermission = keyof typeof usageReportPermissions.grants;
