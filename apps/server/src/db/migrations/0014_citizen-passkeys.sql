CREATE TABLE "citizen_passkey_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" varchar(10) NOT NULL,
	"challenge" text NOT NULL,
	"account_id" bigint,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_passkey_challenges_purpose_check" CHECK ("citizen_passkey_challenges"."purpose" in ('register', 'sign_in'))
);
--> statement-breakpoint
CREATE TABLE "citizen_passkeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" bigint NOT NULL,
	"credential_id" text NOT NULL,
	"public_key" text NOT NULL,
	"counter" bigint DEFAULT 0 NOT NULL,
	"transports" text[] DEFAULT '{}'::text[] NOT NULL,
	"device_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "citizen_passkey_challenges" ADD CONSTRAINT "citizen_passkey_challenges_account_id_citizen_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_passkeys" ADD CONSTRAINT "citizen_passkeys_account_id_citizen_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_passkey_challenges_expires_idx" ON "citizen_passkey_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_passkeys_credential_uq" ON "citizen_passkeys" USING btree ("credential_id");--> statement-breakpoint
CREATE INDEX "citizen_passkeys_account_idx" ON "citizen_passkeys" USING btree ("account_id");--> statement-breakpoint
COMMENT ON TABLE "citizen_passkeys" IS 'Passkeys (WebAuthn public keys) of citizen accounts for the fingerprint / Face ID sign-in.';--> statement-breakpoint
COMMENT ON COLUMN "citizen_passkeys"."device_name" IS 'PII: device description from the user agent';
