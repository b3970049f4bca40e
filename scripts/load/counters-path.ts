// Shared by the metered dev Worker and the load script, which runs in Node and must not import the Worker.
/** The path the load script reads D1 counters from; nothing in Tend answers it. */
export const D1_COUNTERS_PATH = "/__load/d1";
