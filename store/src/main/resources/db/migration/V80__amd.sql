-- Answering-machine detection (issue 17): a campaign's settings, one row per campaign that has set them (none:
-- off), and each call's verdict, its cause, when it was reached (ms of audio after the answer) and the action.
CREATE TABLE campaign_amd (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    enabled INTEGER NOT NULL,
    preset TEXT NOT NULL,
    initial_silence_millis INTEGER NOT NULL,
    greeting_millis INTEGER NOT NULL,
    after_greeting_silence_millis INTEGER NOT NULL,
    total_analysis_millis INTEGER NOT NULL,
    min_word_length_millis INTEGER NOT NULL,
    between_words_silence_millis INTEGER NOT NULL,
    max_words INTEGER NOT NULL,
    silence_threshold INTEGER NOT NULL,
    max_word_length_millis INTEGER NOT NULL,
    machine_action TEXT NOT NULL,
    not_sure_action TEXT NOT NULL,
    false_positive_rate DOUBLE PRECISION NOT NULL
);
ALTER TABLE activities ADD COLUMN amd_verdict TEXT;
ALTER TABLE activities ADD COLUMN amd_cause TEXT;
ALTER TABLE activities ADD COLUMN amd_decision_millis INTEGER;
ALTER TABLE activities ADD COLUMN amd_action TEXT;
