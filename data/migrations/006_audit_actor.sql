-- 006_audit_actor: who did it. Every event from now on names the
-- operating-system user the program ran as (data/actor.go), in a table of
-- its own beside events, so that the events from before this migration
-- keep their rows and their hashes untouched. An event that has an actor
-- row has the actor in its hash (data/store_audit.go), so that an actor
-- changed, removed or added later breaks the chain where `check` finds it.
CREATE TABLE event_actors (
    event_id INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    actor    TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 256)
) STRICT;

-- An actor is written with its event, in the same transaction: only the
-- newest event can get one, and only once.
CREATE TRIGGER event_actors_with_event BEFORE INSERT ON event_actors
WHEN NEW.event_id IS NOT (SELECT max(id) FROM events)
    OR EXISTS (SELECT 1 FROM event_actors WHERE event_id = NEW.event_id)
BEGIN
    SELECT RAISE(ABORT, 'hændelsens aktør skrives sammen med hændelsen; der kan kun tilføjes hændelser');
END;

CREATE TRIGGER event_actors_no_update BEFORE UPDATE ON event_actors
BEGIN
    SELECT RAISE(ABORT, 'hændelsesloggen kan ikke ændres; der kan kun tilføjes hændelser');
END;
