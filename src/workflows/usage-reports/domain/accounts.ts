// MSP accounts (DOMAIN.md section 2): each belongs to an organisation, reports to one
// distributor, has its own automatic-submission delay in days after a report opens, and has
// usage reporting only where the platform offers it (some regions and account types).
import { z } from "zod";
import { type UsageReportResult, refuseReport } from "./refusals";
import { accept } from "../../../platform/domain/result";

/** The platform's delays are counted in days; anything beyond a quarter is a typing error. */
export const AUTO_SUBMIT_DELAY_MAX_DAYS = 90;

export const ZMspAccountSchema = z.object({
  platformAccountId: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  distributorName: z.string().trim().min(1).max(200),
  autoSubmitDelayDays: z.number().int().min(0).max(AUTO_SUBMIT_DELAY_MAX_DAYS),
  usageReporting: z.boolean(),
});
export type TMspAccount = z.infer<typeof ZMspAccountSchema>;

export interface MspAccount extends TMspAccount {
  id: string;
  organisationId: string;
}

/** Reports are received and shown only for accounts that have usage reporting. */
export function checkReportingAvailable(account: MspAccount): UsageReportResult<MspAccount> {
  return account.usageReporting ? accept(account) : refuseReport("reporting_not_available", { account: account.name });
}
