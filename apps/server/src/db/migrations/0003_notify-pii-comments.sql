COMMENT ON TABLE "messages" IS 'Transactional outbox of every SMS, e-mail and in-app message, with its delivery status. Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "messages"."id" IS 'Also the idempotency key every gateway receives: a retry carries the same key';--> statement-breakpoint
COMMENT ON COLUMN "messages"."recipient" IS 'PII: phone (0xxxxxxxxx), e-mail address, or citizen account id for the inbox';--> statement-breakpoint
COMMENT ON COLUMN "messages"."subject" IS 'PII: e-mail subject';--> statement-breakpoint
COMMENT ON COLUMN "messages"."body" IS 'PII: message text (may hold an OTP or a one-time password)';--> statement-breakpoint
COMMENT ON COLUMN "messages"."html" IS 'PII: e-mail HTML body';--> statement-breakpoint
COMMENT ON COLUMN "messages"."last_error" IS 'Gateway status and code only, never the text or the recipient';--> statement-breakpoint
COMMENT ON TABLE "recipient_counters" IS 'Fixed-window send counters per recipient; keys hold a hash of the recipient, not the recipient';
