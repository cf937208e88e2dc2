-- Alerts (issue #20): per-environment rules, destinations, incidents (one open per rule and subject) and the delivery outbox.
CREATE TABLE "alert_rule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "environment_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "on" BOOLEAN NOT NULL DEFAULT true,
    "threshold" INTEGER,
    "window_minutes" INTEGER,
    "segment_key" TEXT,
    "expected_interval_minutes" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rule_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "alert_destination" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "environment_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_destination_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "alert_incident" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "rule_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "open_subject" TEXT,
    "summary" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_incident_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "alert_delivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "destination_id" UUID NOT NULL,
    "incident_id" UUID,
    "event" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_response_code" INTEGER,
    "last_error" TEXT,
    "last_response_body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_rule_environment_id_idx" ON "alert_rule"("environment_id");

-- CreateIndex
CREATE INDEX "alert_destination_environment_id_idx" ON "alert_destination"("environment_id");

-- CreateIndex
CREATE INDEX "alert_incident_rule_id_opened_at_idx" ON "alert_incident"("rule_id", "opened_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "alert_incident_rule_id_open_subject_key" ON "alert_incident"("rule_id", "open_subject");

-- CreateIndex
CREATE INDEX "alert_delivery_status_next_attempt_at_idx" ON "alert_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "alert_delivery_destination_id_created_at_idx" ON "alert_delivery"("destination_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "alert_rule" ADD CONSTRAINT "alert_rule_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_destination" ADD CONSTRAINT "alert_destination_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_incident" ADD CONSTRAINT "alert_incident_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "alert_destination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "alert_incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;
