// Every workflow the bot runs, one line each. src/app.ts folds them into the platform's tables.
import { engagements } from "./engagements/workflow";
import { providerAccounts } from "./provider-accounts/workflow";
import type { Workflow } from "../platform/workflow";

export const WORKFLOWS: readonly Workflow[] = [engagements, providerAccounts];
