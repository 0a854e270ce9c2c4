// Partner users and their roles, upserted by Azure AD object id. The import is how roles are
// granted in bulk; a user who is not listed keeps whatever role they already have.
import { z } from "zod";
import { ROLES } from "../../domain/roles";
import { findUser, setUserRole } from "../../store/organisations";
import { defineSection, emptyOutcome } from "../section";

export const ZImportUserSchema = z
  .strictObject({
    aadObjectId: z.string().trim().min(1).max(100).describe("The user's Azure AD (Entra ID) object id, as Teams sends it."),
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES).describe("admin: everything; approver and billing: what each workflow grants them (README, Roles); viewer: read and ask."),
  })
  .describe("A partner user of the organisation.");

export type TImportUser = z.output<typeof ZImportUserSchema>;

export const usersSection = defineSection({
  description: "Partner users, upserted by aadObjectId with their role.",
  record: ZImportUserSchema,
  identity: "aadObjectId",
  uniqueFields: ["aadObjectId"],
  async apply(tx, organisation, records) {
    const outcome = emptyOutcome();
    for (const record of records) {
      const existing = await findUser(tx, organisation.id, record.aadObjectId);
      if (existing && existing.name === record.name && existing.role === record.role) {
        outcome.unchanged += 1;
        continue;
      }
      await setUserRole(tx, { organisationId: organisation.id, ...record });
      outcome[existing ? "updated" : "created"] += 1;
    }
    return outcome;
  },
});
