import { expect } from "vitest";

/** Asserts LaunchDarkly's error body: `{code, message, id}` with the expected status and code. */
export function expectError(response: { status: number; json: unknown }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.json).toMatchObject({ code, message: expect.any(String), id: expect.any(String) });
}
