-- A member invited through the API has no password until the invite is accepted.
ALTER TABLE "member" ALTER COLUMN "password_hash" DROP NOT NULL;
