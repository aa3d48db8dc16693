-- The lease's terms a lawyer asks for: the property's cadastral
-- identification (matrikelnummer and ejerlav, as the land register names
-- it) and the rent's yearly adjustment by the net price index, a choice.

ALTER TABLE premises ADD COLUMN cadastral_number TEXT NOT NULL DEFAULT ''
    CHECK (cadastral_number = '' OR (cadastral_number GLOB '[1-9]*' AND length(cadastral_number) <= 8
        AND rtrim(cadastral_number, 'abcdefghijklmnopqrstuvwxyzæøå') NOT GLOB '*[^0-9]*'));
ALTER TABLE premises ADD COLUMN cadastral_district TEXT NOT NULL DEFAULT ''
    CHECK (length(cadastral_district) <= 120);

-- 'ingen': the rent is fixed; 'nettoprisindeks': adjusted every year on
-- the 1st of rent_adjustment_month.
ALTER TABLE leases ADD COLUMN rent_adjustment TEXT NOT NULL DEFAULT 'ingen'
    CHECK (rent_adjustment IN ('ingen', 'nettoprisindeks'));
ALTER TABLE leases ADD COLUMN rent_adjustment_month INTEGER
    CHECK (rent_adjustment_month IS NULL OR rent_adjustment_month BETWEEN 1 AND 12);

-- ALTER TABLE cannot add a table CHECK across two columns: triggers keep
-- the month given exactly when the rent is adjusted.
CREATE TRIGGER leases_rent_adjustment_insert BEFORE INSERT ON leases
WHEN (NEW.rent_adjustment = 'ingen') <> (NEW.rent_adjustment_month IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'lejeregulering: en måned hører til regulering efter nettoprisindeks og kun til den');
END;
CREATE TRIGGER leases_rent_adjustment_update BEFORE UPDATE OF rent_adjustment, rent_adjustment_month ON leases
WHEN (NEW.rent_adjustment = 'ingen') <> (NEW.rent_adjustment_month IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'lejeregulering: en måned hører til regulering efter nettoprisindeks og kun til den');
END;

-- The ejerlav is free text on a premises row: the premises' CPR guard
-- covers it too (005's pattern on the new column).
CREATE TRIGGER premises_cadastral_no_cpr_insert BEFORE INSERT ON premises
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || NEW.cadastral_district || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (premises)');
END;
CREATE TRIGGER premises_cadastral_no_cpr_update BEFORE UPDATE OF cadastral_district ON premises
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || NEW.cadastral_district || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (premises)');
END;
