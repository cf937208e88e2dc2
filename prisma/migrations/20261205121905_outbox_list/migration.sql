-- AlterTable
ALTER TABLE "membership_outbox" ADD COLUMN     "list" TEXT;
