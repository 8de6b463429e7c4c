ALTER TABLE "staff_accounts" ADD CONSTRAINT "staff_accounts_role_check" CHECK ("staff_accounts"."role" in ('reviewer', 'office_admin', 'system_admin', 'organisation_admin'));--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD CONSTRAINT "staff_accounts_status_check" CHECK ("staff_accounts"."status" in ('active', 'locked'));--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_channel_check" CHECK ("messages"."channel" in ('sms', 'email', 'inbox'));--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_status_check" CHECK ("messages"."status" in ('queued', 'sending', 'sent', 'delivered', 'failed'));--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_failure_kind_check" CHECK ("messages"."failure_kind" in ('rejected', 'dead_letter', 'expired', 'undelivered', 'rate_limited'));--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_language_check" CHECK ("messages"."language" in ('vi', 'en'));--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_kind_check" CHECK ("benefits"."kind" in ('lump_sum', 'sickness', 'maternity', 'convalescence', 'monthly_pension', 'unemployment'));--> statement-breakpoint
ALTER TABLE "participation_periods" ADD CONSTRAINT "participation_scheme_check" CHECK ("participation_periods"."scheme" in ('compulsory_social', 'voluntary_social', 'unemployment', 'occupational', 'health'));--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_gender_check" CHECK ("people"."gender" in ('male', 'female', 'other'));--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_address_code_set_check" CHECK ("people"."address_code_set" in ('2004-2025', '2025-07-01'));