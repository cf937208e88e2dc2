import "server-only";

/** Filled in by the sync API: one synced segment per integration, pushed through the real partner engine. */
export async function seedDemoSegments(_projectKey: string, _environmentKey: string): Promise<void> {
  await Promise.resolve();
}
