-- Search-as-you-type over the placements' pseudonyms: a trigram index of
-- their folded search text finds the few placements that hold a typed word
-- of three letters or more, with their enterprise, so a search reads only
-- the enterprises that can hold a match instead of testing every placement
-- (placement_search.go).
--
-- Contentless: the index keeps the trigrams and the enterprise's id, not a
-- second copy of the pseudonym. A pseudonym is person data: with
-- secure-delete, FTS5 removes a deleted or anonymised pseudonym's trigrams
-- from the index pages themselves instead of marking them deleted until a
-- merge, so the file keeps no trace of it once the placement is gone
-- (retention.go). The search text is folded already (dk.Fold), so the
-- index compares it as it is (case_sensitive 1), as instr does.
CREATE VIRTUAL TABLE placement_search USING fts5(search_text, organisation_id UNINDEXED, content='',
    contentless_delete=1, contentless_unindexed=1, tokenize='trigram case_sensitive 1');
INSERT INTO placement_search (placement_search, rank) VALUES ('secure-delete', 1);
INSERT INTO placement_search (rowid, search_text, organisation_id)
    SELECT id, search_text, organisation_id FROM placements;

CREATE TRIGGER placement_search_insert AFTER INSERT ON placements
BEGIN
    INSERT INTO placement_search (rowid, search_text, organisation_id)
        VALUES (NEW.id, NEW.search_text, NEW.organisation_id);
END;

CREATE TRIGGER placement_search_delete AFTER DELETE ON placements
BEGIN
    DELETE FROM placement_search WHERE rowid = OLD.id;
END;

-- Anonymisation sets search_text to 'anonymiseret', so it passes here too.
CREATE TRIGGER placement_search_update AFTER UPDATE OF id, search_text, organisation_id ON placements
WHEN OLD.id IS NOT NEW.id OR OLD.search_text IS NOT NEW.search_text OR OLD.organisation_id IS NOT NEW.organisation_id
BEGIN
    DELETE FROM placement_search WHERE rowid = OLD.id;
    INSERT INTO placement_search (rowid, search_text, organisation_id)
        VALUES (NEW.id, NEW.search_text, NEW.organisation_id);
END;
