/** Where the test server's Foundry Local emulators listen (see serve-test-site.ts). */
export const emulatorPorts = {
  /** Gen-2, on a port only the fake CLI reveals, as with a real dynamic port. */
  current: 5391,
  /** Gen-1 with stream quirks, on the port this course tells learners to pin. */
  legacy: 5273,
  /** Gen-2 with permissive CORS, for pages that call it directly (a statically hosted course). */
  permissive: 5392,
} as const;

/** Where the stand-in for the Hugging Face Hub listens (see hubStandIn.ts); test builds point the site at it. */
export const hubStandInPort = 5393;
