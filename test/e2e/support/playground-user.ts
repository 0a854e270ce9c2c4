// Where the Playground's signed-in user sits, whatever the machine's zone: the demo's Paris.
// The browser shows pages in this zone and the Playground reports it as the user's Teams
// localTimezone, so the cards the bot writes for that user read the same on every machine.
export const PLAYGROUND_USER_TIME_ZONE = "Europe/Paris";
