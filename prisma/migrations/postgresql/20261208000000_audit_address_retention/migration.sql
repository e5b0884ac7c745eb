-- Audit addresses have a retention (AUDIT_ADDRESS_DAYS, server/account/retention.ts): the one change
-- the append-only trail now lets through is blanking an entry's address, with every other column as
-- it was written (compared as JSON, so a column added later is covered too). Deletes and TRUNCATE
-- stay refused.
CREATE FUNCTION "audit_entry_address_forgotten_only"() RETURNS trigger AS $$
BEGIN
    IF NEW."address" IS NULL AND (to_jsonb(NEW) - 'address') = (to_jsonb(OLD) - 'address') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER "AuditEntry_no_update_or_delete" ON "AuditEntry";
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "audit_entry_address_forgotten_only"();
CREATE TRIGGER "AuditEntry_no_delete" BEFORE DELETE ON "AuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();
