-- Search-as-you-type over the placements' pseudonyms: a trigram index of
-- their folded search text finds the few placements that hold a typed word
-- of three letters or more, with their enterprise, so a search reads only
-- the enterprises that can hold a match instead of testing every placement
-- (placement_search.go).
--
-- Each entry's rowid is the enterprise's id times 2^32 plus the
-- placement's: the index then gives both without reading a stored column
-- per match (that read was most of a search's cost). A placement whose ids
-- do not fit (never one the program writes) is left out, and the search
-- does not use the index while there is one (placementSearchUsable).
--
-- Contentless: the index keeps the trigrams, not a second copy of the
-- pseudonym. A pseudonym is person data: with secure-delete, FTS5 removes a
-- deleted or anonymised pseudonym's trigrams from the index pages
-- themselves instead of marking them deleted until a merge, so the file
-- keeps no trace of it once the placement is gone (retention.go). The
-- search text is folded already (dk.Fold), so the index compares it as it
-- is (case_sensitive 1), as instr does.
CREATE VIRTUAL TABLE placement_search USING fts5(search_text, content='', contentless_delete=1,
    tokenize='trigram case_sensitive 1');
INSERT INTO placement_search (placement_search, rank) VALUES ('secure-delete', 1);
INSERT INTO placement_search (rowid, search_text)
    SELECT organisation_id * 4294967296 + id, search_text FROM placements
    WHERE id BETWEEN 0 AND 4294967295 AND organisation_id BETWEEN 0 AND 2147483647;

CREATE TRIGGER placement_search_insert AFTER INSERT ON placements
WHEN NEW.id BETWEEN 0 AND 4294967295 AND NEW.organisation_id BETWEEN 0 AND 2147483647
BEGIN
    INSERT INTO placement_search (rowid, search_text) VALUES (NEW.organisation_id * 4294967296 + NEW.id, NEW.search_text);
END;

CREATE TRIGGER placement_search_delete AFTER DELETE ON placements
WHEN OLD.id BETWEEN 0 AND 4294967295 AND OLD.organisation_id BETWEEN 0 AND 2147483647
BEGIN
    DELETE FROM placement_search WHERE rowid = OLD.organisation_id * 4294967296 + OLD.id;
END;

-- Anonymisation sets search_text to 'anonymiseret', so it passes here too.
CREATE TRIGGER placement_search_update AFTER UPDATE OF id, search_text, organisation_id ON placements
WHEN OLD.id IS NOT NEW.id OR OLD.search_text IS NOT NEW.search_text OR OLD.organisation_id IS NOT NEW.organisation_id
BEGIN
    DELETE FROM placement_search WHERE rowid = OLD.organisation_id * 4294967296 + OLD.id
        AND OLD.id BETWEEN 0 AND 4294967295 AND OLD.organisation_id BETWEEN 0 AND 2147483647;
    INSERT INTO placement_search (rowid, search_text)
        SELECT NEW.organisation_id * 4294967296 + NEW.id, NEW.search_text
        WHERE NEW.id BETWEEN 0 AND 4294967295 AND NEW.organisation_id BETWEEN 0 AND 2147483647;
END;
