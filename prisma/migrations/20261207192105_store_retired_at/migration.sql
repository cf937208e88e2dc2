-- AlterTable
ALTER TABLE "store_integration" ADD COLUMN     "retired_at" TIMESTAMPTZ(3);
