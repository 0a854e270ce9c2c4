// What the platform itself adds to the tables, beside the workflows: reminder and inbox card
// actions, the questions every workflow shares (help, deadlines, reminders), the users section
// of the import, and the platform's refusal codes.
import { reminderActions } from "./bot/actions/reminders";
import { deadlineIntents } from "./bot/intents/deadlines";
import { help } from "./bot/intents/help";
import { reminderIntents } from "./bot/intents/reminders";
import { PLATFORM_REFUSALS } from "./domain/result";
import type { PlatformParts } from "./fold";
import { usersSection } from "./import/sections/users";
import { integrationActions } from "./integrations/actions";
import { integrationIntents } from "./integrations/intents";
import { teamActions } from "./team/actions";
import { teamIntents } from "./team/intents";
import { SETTINGS_REFUSALS } from "./team/settings";
import { TEAM_REFUSALS } from "./team/rules";

export const PLATFORM_PARTS: PlatformParts = {
  namespaces: ["reminders", "help", "deadlines", "common", "conversation", "refusal", "team", "integrations"],
  actions: { ...reminderActions, ...teamActions, ...integrationActions },
  intents: { ...deadlineIntents, ...reminderIntents, ...teamIntents, ...integrationIntents, help },
  importSections: [{ name: "users", section: usersSection }],
  refusals: [...PLATFORM_REFUSALS, ...TEAM_REFUSALS, ...SETTINGS_REFUSALS],
  helpIntents: ["deadlines", "reminders", "team.show"],
  welcomeActions: [
    { verb: "reminders.list", titleKey: "common.welcome.needsYou" },
    { verb: "team.ask", titleKey: "common.welcome.team" },
  ],
};
