-- The leases whose non-terminable period runs out after a day, in the
-- order of that day, holding the terms LeasesDue reads: its third range
-- (leases without notice and without an end in the window whose first end
-- is still to come) reads those few leases instead of every lease not
-- archived and working the date out for each. The expression is the one
-- LeasesDue's query writes, word for word, so SQLite can match it.
CREATE INDEX leases_first_end ON leases (date(start_on, '+' || non_terminable_months || ' months'), end_on, start_on,
    non_terminable_months, notice_months_landlord, notice_months_tenant, tenant_id)
    WHERE archived_at IS NULL AND notice_given_on IS NULL;

-- The enterprises that have the steering group's approval, read by the
-- overview's list of those still waiting (dueApprovals) from this index
-- alone: the few thousand entries of one index instead of every approval
-- row, most of them a lease's. body and approved_on are columns too, so
-- SQLite need not open the rows to check the condition.
CREATE INDEX approvals_steering ON approvals (organisation_id, body, approved_on)
    WHERE body = 'styregruppe' AND approved_on IS NOT NULL;
