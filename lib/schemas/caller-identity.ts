import { z } from "zod";

/** `GET /api/v2/caller-identity`: who the request authenticated as (LaunchDarkly's `CallerIdentityRep`). */
export const callerIdentitySchema = z
  .object({
    accountId: z.string().meta({ description: 'Always "tributary": one account per Tributary' }),
    authKind: z.enum(["token", "session"]),
    tokenKind: z.enum(["service", "personal"]).optional().meta({ description: "For a token only" }),
    tokenId: z.string().optional(),
    tokenName: z.string().optional(),
    serviceToken: z.boolean().optional(),
    memberId: z.string(),
  })
  .meta({ id: "CallerIdentityRep" });
export type CallerIdentity = z.infer<typeof callerIdentitySchema>;
