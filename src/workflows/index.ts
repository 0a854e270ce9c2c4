// Every workflow the bot runs, one line each. src/app.ts folds them into the platform's tables.
import { engagements } from "./engagements/workflow";
import { planningVouchers } from "./planning-vouchers/workflow";
import { providerAccounts } from "./provider-accounts/workflow";
import { renewals } from "./renewals/workflow";
import { siteAccess } from "./site-access/workflow";
import { usageReports } from "./usage-reports/workflow";
import type { Workflow } from "../platform/workflow";

export const WORKFLOWS: readonly Workflow[] = [engagements, usageReports, planningVouchers, providerAccounts, siteAccess, renewals];
