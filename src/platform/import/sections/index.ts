// The import's sections, in the order they are applied: a later section may rely on records
// an earlier one created (billing decisions need their engagements). Adding a section is one
// file in this folder and one line here.
import { billingDecisionsSection } from "../../../workflows/engagements/import/billing-decisions";
import { completionRequestsSection } from "../../../workflows/engagements/import/completion-requests";
import { engagementsSection } from "../../../workflows/engagements/import/engagements";
import { usersSection } from "./users";

export const IMPORT_SECTIONS = {
  users: usersSection,
  engagements: engagementsSection,
  billingDecisions: billingDecisionsSection,
  completionRequests: completionRequestsSection,
} as const;

export type ImportSectionName = keyof typeof IMPORT_SECTIONS;
export const IMPORT_SECTION_NAMES = Object.keys(IMPORT_SECTIONS) as ImportSectionName[];
