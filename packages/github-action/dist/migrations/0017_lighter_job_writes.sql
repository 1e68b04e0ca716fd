-- A commit writes one lease per row it claims and one job_tests row per
-- test: ten thousand of each for a large bundle, so every index and check on
-- those inserts is paid ten thousand times.

-- Leases are found by row and by job, never by a number of their own: the
-- identity column's sequence and primary key index only slowed each claim.
ALTER TABLE leases DROP COLUMN id;

-- A job's tests are inserted with the job, in the same transaction, and no
-- job is ever deleted: the foreign key's check (a lookup of the job row and
-- a lock on it, per test) guarded against nothing that can happen.
ALTER TABLE job_tests DROP CONSTRAINT IF EXISTS job_tests_workspace_job_id_fkey;

-- A bundle run again rewrites the result of each of its tests. With full
-- pages every new version lands on another page and needs a new entry in
-- results_pkey (four text columns); with room left on each page it stays
-- beside the old one (a heap-only update, no index entry), and the page's
-- dead versions are pruned as it is read, without waiting for a vacuum.
-- It applies to pages written from now on: rewriting the table here would
-- lock it for as long as it takes.
ALTER TABLE results SET (fillfactor = 50);
