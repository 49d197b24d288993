-- The speaker's name as the text gives it when no pack knows the speaker (or the entity's name when one
-- does): quotes of "Sodovjamts Khurelbaatar" or "the article" of a party nobody listed stay attributable.
ALTER TABLE quotes ADD COLUMN speaker_name TEXT;
CREATE INDEX quotes_speaker_name ON quotes(speaker_name COLLATE NOCASE);
