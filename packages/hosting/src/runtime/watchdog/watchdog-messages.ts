/** Sent by the watchdog once it listens: from then on a release cannot be missed. */
export const READY_MESSAGE = "bosun-watchdog:ready";
/** Sent by the AppHost after a clean stop: the watchdog exits without touching anything. */
export const RELEASE_MESSAGE = "bosun-watchdog:release";
