-- One-time links that let a member set their password (invites and resets); only the secret's SHA-256 is stored.
CREATE TABLE "password_link" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "member_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_link_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "password_link_member_id_key" ON "password_link"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "password_link_secret_hash_key" ON "password_link"("secret_hash");

-- AddForeignKey
ALTER TABLE "password_link" ADD CONSTRAINT "password_link_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
