DROP INDEX "visits_permit_serial_key";--> statement-breakpoint
CREATE UNIQUE INDEX "visits_campaign_permit_serial_key" ON "visits" USING btree ("campaign_id","permit_serial");