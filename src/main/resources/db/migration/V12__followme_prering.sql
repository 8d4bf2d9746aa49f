-- FollowMe's pre-ring time (FreePBX "Initial Ring Time", AMPUSER/<ext>/followme/prering): seconds the user's own
-- phones ring before the FollowMe list is called.
ALTER TABLE profile_enter_action ADD COLUMN pre_ring_seconds INTEGER;
ALTER TABLE profile_leave_action ADD COLUMN pre_ring_seconds INTEGER;
ALTER TABLE user_state ADD COLUMN followme_pre_ring_seconds INTEGER DEFAULT 7 NOT NULL;
