-- Abandonment pools (issue 12): campaigns that name the same pool are one calling campaign for the regulator,
-- their answers and abandons counted together over the window (Ofcom: "per campaign (i.e. across all call
-- centres)"). NULL: the campaign is measured on its own.
ALTER TABLE campaigns ADD COLUMN abandon_pool TEXT;
CREATE INDEX campaigns_abandon_pool ON campaigns(abandon_pool);
