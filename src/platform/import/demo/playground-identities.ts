// Who the Microsoft 365 Agents Playground says it is. With no config file of its own it
// sends the tenant and users of its built-in default configuration (read from
// @microsoft/m365agentsplayground 0.2.28, `defaultConfigFileContent` in dist/index.js). The demo
// organisation uses that tenant, so `npm start` + `npm run playground` shows the demo data.
import type { Role } from "../../domain/roles";

export const PLAYGROUND_TENANT_ID = "00000000-0000-0000-0000-0000000000001";

export interface PlaygroundUser {
  aadObjectId: string;
  name: string;
  /** The role the demo gives them. */
  role: Role;
}

/** The signed-in Playground user ("currentUser"): the demo makes them an admin. */
export const PLAYGROUND_CURRENT_USER: PlaygroundUser = {
  aadObjectId: "00000000-0000-0000-0000-0000000000020",
  name: "Alex Wilber",
  role: "admin",
};

/** The other members of the Playground's group chat and team, one per remaining role. */
export const PLAYGROUND_OTHER_USERS: readonly PlaygroundUser[] = [
  { aadObjectId: "00000000-0000-0000-0000-0000000000021", name: "Megan Bowen", role: "approver" },
  { aadObjectId: "00000000-0000-0000-0000-0000000000022", name: "Adele Vance", role: "billing" },
  { aadObjectId: "00000000-0000-0000-0000-0000000000023", name: "Isaiah Langer", role: "viewer" },
  { aadObjectId: "00000000-0000-0000-0000-0000000000024", name: "Patti Fernandez", role: "approver" },
];
