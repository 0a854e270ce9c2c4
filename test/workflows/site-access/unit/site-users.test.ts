// Issue 17, "Site access": a site's user list is kept by its Primary Contact, approving Secondary
// Contacts and admins (add, update entitlements, remove), all audited and sent to the vendor.
import { describe, expect, it } from "vitest";
import { isReplay } from "../../../../src/workflows/site-access/domain/audit";
import type { Grant } from "../../../../src/workflows/site-access/domain/entitlements";
import { addSiteUser, removeSiteUser, updateSiteUser } from "../../../../src/workflows/site-access/domain/site-users";
import { siteDeciders, standingOf } from "../../../../src/workflows/site-access/domain/sites";
import { ada, codeOf, members, now, pia, rex, sam, site, sol, uma } from "./fixtures";

const context = { site, members, newSiteUserId: "su-new" };
const user: Grant = { role: "user", mayApprove: false, entitlements: ["reporting", "proposal_quote_order"] };
const umaRow = members[2]!;
const samRow = members[0]!;

describe("a site's standing and deciders", () => {
  it("knows each person's standing on the site", () => {
    expect([pia, sam, sol, uma, rex].map((actor) => standingOf(site, members, actor.userId))).toEqual([
      "primary_contact",
      "approving_secondary_contact",
      "secondary_contact",
      "user",
      "none",
    ]);
  });

  it("lists the Primary Contact first, then approving Secondary Contacts, and nobody removed", () => {
    const removedApprover = { ...samRow, id: "su-x", userId: "aad-x", name: "X", state: "removed" as const };
    expect(siteDeciders(site, [...members, removedApprover])).toEqual([
      { userId: "aad-pia", name: "Pia" },
      { userId: "aad-sam", name: "Sam" },
    ]);
  });
});

describe("adding a site user", () => {
  it("adds with the entitlements given, audited and sent to the vendor", () => {
    const result = addSiteUser({ userId: rex.userId, name: rex.name }, user, context, sam, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({ id: "su-new", userId: "aad-rex", state: "active", ...user });
    expect(result.value.audit).toEqual([{ action: "user_added", after: user }]);
    expect(result.value.events).toEqual([
      {
        type: "siteAccess.userAdded",
        siteNumber: "1234567",
        user: { userId: "aad-rex", name: "Rex" },
        ...user,
        by: { userId: "aad-sam", name: "Sam" },
        at: now.toISOString(),
      },
    ]);
  });

  it("treats adding the same user with the same grant as a replay, and refuses another grant", () => {
    const same = addSiteUser({ userId: uma.userId, name: uma.name }, { role: "user", mayApprove: false, entitlements: ["reporting"] }, context, pia, now);
    expect(same.ok && isReplay(same.value)).toBe(true);
    expect(codeOf(addSiteUser({ userId: uma.userId, name: uma.name }, user, context, pia, now))).toBe("already_site_user");
  });

  it("refuses adding the Primary Contact to the user list", () => {
    expect(codeOf(addSiteUser({ userId: pia.userId, name: pia.name }, user, context, ada, now))).toBe("already_primary_contact");
  });

  it("refuses a Secondary Contact without the approval right and a plain user", () => {
    expect(codeOf(addSiteUser({ userId: rex.userId, name: rex.name }, user, context, sol, now))).toBe("not_site_decider");
    expect(codeOf(addSiteUser({ userId: rex.userId, name: rex.name }, user, context, uma, now))).toBe("not_permitted");
  });

  it("lets only the Primary Contact or an admin name a Secondary Contact", () => {
    const secondary: Grant = { role: "secondary_contact", mayApprove: false, entitlements: ["reporting"] };
    expect(codeOf(addSiteUser({ userId: rex.userId, name: rex.name }, secondary, context, sam, now))).toBe("primary_contact_only");
    expect(codeOf(addSiteUser({ userId: rex.userId, name: rex.name }, secondary, context, pia, now))).toBe("accepted");
    expect(codeOf(addSiteUser({ userId: rex.userId, name: rex.name }, secondary, context, ada, now))).toBe("accepted");
  });
});

describe("updating and removing site users", () => {
  it("updates entitlements, auditing before and after", () => {
    const result = updateSiteUser(umaRow, user, context, sam, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({ entitlements: ["reporting", "proposal_quote_order"], version: 2 });
    expect(result.value.audit).toEqual([{ action: "user_updated", before: { role: "user", mayApprove: false, entitlements: ["reporting"] }, after: user }]);
    expect(result.value.events[0]).toMatchObject({ type: "siteAccess.userUpdated", entitlements: ["reporting", "proposal_quote_order"] });
  });

  it("treats an update to the same grant as a replay", () => {
    const result = updateSiteUser(umaRow, { role: "user", mayApprove: false, entitlements: ["reporting"] }, context, sam, now);
    expect(result.ok && isReplay(result.value)).toBe(true);
  });

  it("keeps changing a Secondary Contact, or promoting to one, to the Primary Contact", () => {
    expect(codeOf(updateSiteUser(samRow, { ...user, role: "secondary_contact", mayApprove: false }, context, sam, now))).toBe("primary_contact_only");
    expect(codeOf(updateSiteUser(umaRow, { ...user, role: "secondary_contact" }, context, sam, now))).toBe("primary_contact_only");
    expect(codeOf(updateSiteUser(samRow, { ...user, role: "secondary_contact", mayApprove: false }, context, pia, now))).toBe("accepted");
  });

  it("refuses updating someone no longer on the list", () => {
    expect(codeOf(updateSiteUser({ ...umaRow, state: "removed" }, user, context, pia, now))).toBe("not_site_user");
  });

  it("removes a user, audited and sent to the vendor; removing again is a replay", () => {
    const result = removeSiteUser(umaRow, context, sam, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({ state: "removed", version: 2 });
    expect(result.value.audit).toEqual([{ action: "user_removed", before: { role: "user", mayApprove: false, entitlements: ["reporting"] } }]);
    expect(result.value.events).toEqual([
      {
        type: "siteAccess.userRemoved",
        siteNumber: "1234567",
        user: { userId: "aad-uma", name: "Uma" },
        by: { userId: "aad-sam", name: "Sam" },
        at: now.toISOString(),
      },
    ]);
    const again = removeSiteUser(result.value.record, context, sam, now);
    expect(again.ok && isReplay(again.value)).toBe(true);
  });

  it("lets only the Primary Contact or an admin remove a Secondary Contact", () => {
    expect(codeOf(removeSiteUser(members[1]!, context, sam, now))).toBe("primary_contact_only");
    expect(codeOf(removeSiteUser(members[1]!, context, pia, now))).toBe("accepted");
  });
});
