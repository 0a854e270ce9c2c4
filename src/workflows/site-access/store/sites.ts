// Loads and saves reseller sites and their user lists. Every lookup names the organisation: a
// site of another tenant reads as absent. A save is a conditional update on the version the
// change was made from, so of two writers holding the same version one wins.
import type { DbTx } from "../../../platform/store/db";
import type { Site, SiteUser } from "../domain/sites";
import { siteData, siteUserData, toSite, toSiteUser } from "./records";

/** Users one site keeps at most (the vendor's user lists are far shorter): one bounded read. */
export const SITE_MEMBERS_LIMIT = 1000;

export async function findSiteByNumber(db: DbTx, organisationId: string, siteNumber: string): Promise<Site | undefined> {
  const row = await db.resellerSite.findFirst({ where: { organisationId, siteNumber } });
  return row ? toSite(row) : undefined;
}

export async function findSite(db: DbTx, organisationId: string, id: string): Promise<Site | undefined> {
  const row = await db.resellerSite.findFirst({ where: { organisationId, id } });
  return row ? toSite(row) : undefined;
}

/** The site's user list, removed users included (they keep their row), by name. */
export async function listSiteMembers(db: DbTx, site: Pick<Site, "id" | "organisationId">): Promise<SiteUser[]> {
  const rows = await db.siteUser.findMany({
    where: { organisationId: site.organisationId, siteId: site.id },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SITE_MEMBERS_LIMIT,
  });
  return rows.map(toSiteUser);
}

export async function findSiteUser(db: DbTx, organisationId: string, id: string): Promise<SiteUser | undefined> {
  const row = await db.siteUser.findFirst({ where: { organisationId, id } });
  return row ? toSiteUser(row) : undefined;
}

/** Creates the site, or saves its next version if the stored one is still `before`'s. */
export async function saveSite(tx: DbTx, before: Site | undefined, next: Site): Promise<boolean> {
  if (!before) {
    await tx.resellerSite.create({ data: { id: next.id, organisationId: next.organisationId, siteNumber: next.siteNumber, ...siteData(next) } });
    return true;
  }
  const saved = await tx.resellerSite.updateMany({
    where: { id: before.id, organisationId: before.organisationId, version: before.version },
    data: siteData(next),
  });
  return saved.count === 1;
}

/** Creates the site user, or saves their next version if the stored one is still `before`'s. */
export async function saveSiteUser(tx: DbTx, before: SiteUser | undefined, next: SiteUser): Promise<boolean> {
  if (!before) {
    await tx.siteUser.create({
      data: { id: next.id, organisationId: next.organisationId, siteId: next.siteId, userId: next.userId, ...siteUserData(next) },
    });
    return true;
  }
  const saved = await tx.siteUser.updateMany({
    where: { id: before.id, organisationId: before.organisationId, version: before.version },
    data: siteUserData(next),
  });
  return saved.count === 1;
}

/** Sites one person decides for, at most: the list of them then fits one statement. */
export const DECIDED_SITES_LIMIT = 100;

/** The numbers of the sites a person decides for: as Primary Contact or approving Secondary Contact. */
export async function listSiteNumbersDecidedBy(db: DbTx, organisationId: string, userId: string): Promise<string[]> {
  const [primary, secondary] = await Promise.all([
    db.resellerSite.findMany({ where: { organisationId, primaryContactUserId: userId }, select: { siteNumber: true }, take: DECIDED_SITES_LIMIT }),
    db.siteUser.findMany({
      where: { organisationId, userId, state: "active", role: "secondary_contact", mayApprove: true },
      select: { site: { select: { siteNumber: true } } },
      take: DECIDED_SITES_LIMIT,
    }),
  ]);
  return [...new Set([...primary.map((row) => row.siteNumber), ...secondary.map((row) => row.site.siteNumber)])].slice(0, DECIDED_SITES_LIMIT);
}
