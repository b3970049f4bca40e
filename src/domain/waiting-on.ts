// "Waiting on Gus." and nothing more names whom, not what: beside anything
// else the user waits on from Gus it is that same thing, not a second item.
// Inbound drops it when one message holds both; the digest when they came apart.

const BARE_WAITING_ON = /^waiting\s+(?:on|for)\s+[\p{L}'’. -]+?[.!]?$/iu;

/** True for a waiting-on that says only whom it waits on. */
export function isBareWaitingOn(text: string): boolean {
  return BARE_WAITING_ON.test(text.trim());
}
