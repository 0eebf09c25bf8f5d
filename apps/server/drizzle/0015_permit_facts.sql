ALTER TABLE "visits" ADD COLUMN "permit_facts" jsonb;--> statement-breakpoint
-- Permits issued before: the names they were issued under are today's (nobody could rename a school through the bureau's back yet).
UPDATE "visits" v SET "permit_facts" = jsonb_build_object('school', s."name", 'juniorHigh', j."name", 'issuer', d."name")
FROM "organizations" s, "organizations" j, "campaigns" c, "organizations" d
WHERE v."permit_serial" IS NOT NULL AND s."id" = v."school_id" AND j."id" = v."junior_high_id" AND c."id" = v."campaign_id" AND d."id" = c."district_id";
