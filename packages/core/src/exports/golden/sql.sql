-- golden_workset 1.1
BEGIN;
CREATE TABLE "golden_workset" ("record_type" TEXT, "subscriber_id" TEXT, "relationship" TEXT, "member_id" TEXT, "last_name" TEXT, "first_name" TEXT, "ssn" TEXT, "birth_date" TEXT, "gender" TEXT, "state" TEXT, "plan_code" TEXT, "coverage_start" TEXT, "note" TEXT, "amount" TEXT, "active" TEXT);
INSERT INTO "golden_workset" ("record_type", "subscriber_id", "relationship", "member_id", "last_name", "first_name", "ssn", "birth_date", "gender", "state", "plan_code", "coverage_start", "note", "amount", "active") VALUES ('S', 'S001', 'self', 'M1', 'Ångström', 'Zoë', '123-45-6789', '1980-02-29', 'female', 'GA', 'GOLD', '2026-01-01', '''=1+1', -12.5, TRUE);
INSERT INTO "golden_workset" ("record_type", "subscriber_id", "relationship", "member_id", "last_name", "first_name", "ssn", "birth_date", "gender", "state", "plan_code", "coverage_start", "note", "amount", "active") VALUES ('D', 'S001', 'spouse', 'M2', 'O''Brien, "Jr" | x', 'Bob*~:^', NULL, '19790101', 'M', 'GA', 'GOLD', '20260101', 'line
break <b>&amp;</b>', 3, FALSE);
INSERT INTO "golden_workset" ("record_type", "subscriber_id", "relationship", "member_id", "last_name", "first_name", "ssn", "birth_date", "gender", "state", "plan_code", "coverage_start", "note", "amount", "active") VALUES ('S', 'S002', '18', 'M3', '山田 🍣', '太郎', '987654321', 'not a date', 'U', 'CA', 'SILVER', NULL, '''	tab', NULL, NULL);
INSERT INTO "golden_workset" ("record_type", "subscriber_id", "relationship", "member_id", "last_name", "first_name", "ssn", "birth_date", "gender", "state", "plan_code", "coverage_start", "note", "amount", "active") VALUES ('D', 'S002', 'child', 'M4', '''-x', '''@SUM(A1)', NULL, '2015-07-04', 'F', 'CA', 'SILVER', '2026-02-01', '''; DROP TABLE t; --', 0.5, '-3e5');
COMMIT;
