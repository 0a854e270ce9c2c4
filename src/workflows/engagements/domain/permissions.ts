// Who may do what in the engagement workflow (DOMAIN.md, "Roles"): approvers decide requests
// and completion, the billing team submits entries; admins may do everything, and everyone in
// the organisation may read and ask.
import { definePermissions } from "../../../platform/domain/permissions";

export const ENGAGEMENT_PERMISSIONS = definePermissions({
  "engagement.decide": ["approver"],
  "engagement.complete": ["approver"],
  "billing.submit": ["billing"],
});

export type EngagementPermission = keyof typeof ENGAGEMENT_PERMISSIONS.grants;

export const can = ENGAGEMENT_PERMISSIONS.can;
