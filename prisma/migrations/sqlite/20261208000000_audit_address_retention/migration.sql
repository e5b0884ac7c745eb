-- Audit addresses have a retention (AUDIT_ADDRESS_DAYS, server/account/retention.ts): the one change
-- the append-only trail now lets through is blanking an entry's address, with every other column as
-- it was written. Deletes stay refused.
DROP TRIGGER "AuditEntry_no_update";
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry"
WHEN NOT (
    NEW."address" IS NULL
    AND NEW."id" IS OLD."id"
    AND NEW."at" IS OLD."at"
    AND NEW."actorId" IS OLD."actorId"
    AND NEW."action" IS OLD."action"
    AND NEW."targetType" IS OLD."targetType"
    AND NEW."targetId" IS OLD."targetId"
    AND NEW."details" IS OLD."details"
)
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
