// The organisation's settings for this workflow. The follow-up delay is the partner's choice;
// the three days before admins hear of an unmapped account are the rule.
import { z } from "zod";

export const ZProviderAccountSettingsSchema = z.object({
  /** Days after sending a relationship request with no acceptance before the sender is reminded. */
  invitationFollowUpDays: z.number().int().min(1).max(90).default(7),
});
export type TProviderAccountSettings = z.infer<typeof ZProviderAccountSettingsSchema>;

export const ADMIN_ESCALATION_DAYS = 3;
