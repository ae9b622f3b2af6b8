/** Versioned schema changes, applied in order at start. Never edit one that has shipped: add another. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'venues, display groups, stage slots, media and playlists',
    sql: `
      CREATE TABLE venues (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('main', 'sub')),
        sort INTEGER NOT NULL
      );
      CREATE TABLE display_groups (
        id TEXT PRIMARY KEY,
        venue_id TEXT NOT NULL REFERENCES venues(id),
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        sort INTEGER NOT NULL,
        -- one counter per group, shared by its program and preview slots
        revision INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE stage_slots (
        group_id TEXT NOT NULL REFERENCES display_groups(id),
        slot TEXT NOT NULL CHECK (slot IN ('program', 'preview')),
        revision INTEGER NOT NULL,
        scene_json TEXT NOT NULL,
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (group_id, slot)
      );
      -- every change of a slot, kept for the audit trail and reports
      CREATE TABLE stage_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        group_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        revision INTEGER NOT NULL,
        scene_json TEXT NOT NULL,
        changed_at INTEGER NOT NULL
      );
      CREATE TABLE media (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'video')),
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        title_en TEXT NOT NULL,
        duration_ms INTEGER NOT NULL
      );
      CREATE TABLE playlists (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL
      );
      CREATE TABLE playlist_items (
        playlist_id TEXT NOT NULL REFERENCES playlists(id),
        position INTEGER NOT NULL,
        media_id TEXT NOT NULL REFERENCES media(id),
        PRIMARY KEY (playlist_id, position)
      );
    `,
  },
  {
    version: 2,
    name: 'staff accounts, sessions, failure throttle, devices, audit log',
    sql: `
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'mc', 'operator', 'viewer')),
        -- JSON array of venue ids; NULL means every venue
        venue_ids TEXT,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        ip TEXT NOT NULL
      );
      CREATE INDEX sessions_by_account ON sessions(account_id);
      -- failures keyed by what was tried (a username, a staff member's pairing attempts), never
      -- by address: a venue's phones share one address behind NAT
      CREATE TABLE throttled_failures (
        key TEXT PRIMARY KEY COLLATE NOCASE,
        failures INTEGER NOT NULL,
        locked_until INTEGER NOT NULL,
        last_failure_at INTEGER NOT NULL
      );
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('screen', 'kiosk')),
        name TEXT NOT NULL,
        venue_id TEXT NOT NULL REFERENCES venues(id),
        group_id TEXT REFERENCES display_groups(id),
        token_hash TEXT NOT NULL UNIQUE,
        paired_at INTEGER NOT NULL,
        paired_by INTEGER REFERENCES accounts(id),
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER,
        last_seen_at INTEGER
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor_kind TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        ip TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail_json TEXT NOT NULL
      );
      CREATE INDEX audit_by_time ON audit_log(at);
    `,
  },
  {
    version: 3,
    name: 'visitors, pass keys, checkpoints, scans, entries and stamps',
    sql: `
      CREATE TABLE pass_keys (
        key_id TEXT PRIMARY KEY,
        public_raw BLOB NOT NULL,
        private_pkcs8 BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 0,
        retired_at INTEGER
      );
      CREATE TABLE visitors (
        id TEXT PRIMARY KEY,
        short_code TEXT NOT NULL UNIQUE,
        nickname TEXT NOT NULL,
        -- personal data: kept only with consent, deleted after the event (the row stays, anonymous)
        real_name TEXT,
        show_real_name INTEGER NOT NULL DEFAULT 0,
        mobile TEXT,
        unit TEXT,
        under_14 INTEGER NOT NULL DEFAULT 0,
        guardian_consent INTEGER NOT NULL DEFAULT 0,
        privacy_consent_at INTEGER,
        registered_via TEXT NOT NULL CHECK (registered_via IN ('phone', 'kiosk')),
        registered_device TEXT,
        created_at INTEGER NOT NULL,
        personal_data_deleted_at INTEGER
      );
      CREATE INDEX visitors_by_mobile_tail ON visitors(substr(mobile, -4));
      CREATE TABLE checkpoints (
        id TEXT PRIMARY KEY,
        venue_id TEXT NOT NULL REFERENCES venues(id),
        kind TEXT NOT NULL CHECK (kind IN ('entrance', 'station')),
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        sort INTEGER NOT NULL
      );
      -- every scan is kept, whatever it decided; scan_id is made by the kiosk, so a resent scan is applied once
      CREATE TABLE scans (
        scan_id TEXT PRIMARY KEY,
        visitor_id TEXT,
        checkpoint_id TEXT NOT NULL,
        device_id TEXT,
        scanned_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        offline INTEGER NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('welcome', 'again', 'invalid')),
        reason TEXT,
        counted INTEGER NOT NULL,
        conflict INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX scans_by_visitor ON scans(visitor_id);
      CREATE TABLE entries (
        visitor_id TEXT NOT NULL,
        venue_id TEXT NOT NULL,
        day TEXT NOT NULL,
        scan_id TEXT NOT NULL,
        device_id TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (visitor_id, venue_id, day)
      );
      CREATE TABLE stamps (
        visitor_id TEXT NOT NULL,
        checkpoint_id TEXT NOT NULL,
        scan_id TEXT NOT NULL,
        device_id TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (visitor_id, checkpoint_id)
      );
    `,
  },
  {
    version: 4,
    name: 'a kiosk’s check-in point, chosen in the console',
    sql: `ALTER TABLE devices ADD COLUMN checkpoint_id TEXT REFERENCES checkpoints(id);`,
  },
  {
    version: 5,
    name: 'question bank, quiz challenges and their answers',
    sql: `
      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        theme TEXT NOT NULL,
        type TEXT NOT NULL,
        difficulty INTEGER NOT NULL,
        -- the whole question as the bank keeps it (BankQuestion JSON); the columns above are for filters
        body_json TEXT NOT NULL,
        checked INTEGER NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0,
        -- built-in questions are refreshed from the repository on start, unless an admin edited them
        edited_at INTEGER,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE challenges (
        id TEXT PRIMARY KEY,
        visitor_id TEXT,
        device_id TEXT,
        venue_id TEXT,
        player_name TEXT NOT NULL,
        day TEXT NOT NULL,
        question_ids_json TEXT NOT NULL,
        -- each question's options in the order this visitor sees them (the right one is not always A)
        option_orders_json TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        -- the question on screen now, and when the hub sent it: its deadline is data, not a timer
        current_index INTEGER NOT NULL DEFAULT 0,
        asked_at INTEGER NOT NULL,
        finished_at INTEGER,
        score INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0,
        time_ms INTEGER NOT NULL DEFAULT 0,
        -- finished on a kiosk cut off from the hub, answered from its cached questions, scored on upload
        offline INTEGER NOT NULL DEFAULT 0,
        hidden_at INTEGER
      );
      CREATE INDEX challenges_by_day ON challenges(day, finished_at);
      CREATE INDEX challenges_by_visitor ON challenges(visitor_id, day);
      CREATE TABLE answers (
        challenge_id TEXT NOT NULL REFERENCES challenges(id),
        idx INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        choice_json TEXT NOT NULL,
        correct INTEGER NOT NULL,
        points INTEGER NOT NULL,
        elapsed_ms INTEGER NOT NULL,
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (challenge_id, idx)
      );
    `,
  },
  {
    version: 6,
    name: 'live quiz sessions, players and answers; the hub’s own secrets',
    sql: `
      CREATE TABLE hub_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
      CREATE TABLE live_sessions (
        id TEXT PRIMARY KEY,
        pin TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        phase TEXT NOT NULL,
        idx INTEGER NOT NULL DEFAULT -1,
        paused_at INTEGER,
        -- the open question's clock: data, so a restarted hub closes it on time
        opened_at INTEGER,
        deadline INTEGER,
        revision INTEGER NOT NULL DEFAULT 0,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX live_sessions_by_pin ON live_sessions(pin, phase);
      CREATE TABLE live_players (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES live_sessions(id),
        name TEXT NOT NULL,
        visitor_id TEXT,
        team TEXT,
        joined_at INTEGER NOT NULL,
        removed_at INTEGER,
        score INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX live_players_by_session ON live_players(session_id, score);
      CREATE TABLE live_answers (
        session_id TEXT NOT NULL,
        player_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        choice_json TEXT NOT NULL,
        correct INTEGER NOT NULL,
        points INTEGER NOT NULL,
        elapsed_ms INTEGER NOT NULL,
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (session_id, idx, player_id)
      );
      CREATE TABLE live_commands (
        session_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        action TEXT NOT NULL,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (session_id, revision)
      );
    `,
  },
  {
    version: 7,
    name: 'live quiz: the lobby’s newest arrivals read from an index',
    sql: `
      -- the lobby shows the last arrivals after every join burst: without this, each sorts all players
      CREATE INDEX live_players_by_arrival ON live_players(session_id, joined_at);
    `,
  },
  {
    version: 8,
    name: 'the emergency override: notices and each venue’s current one',
    sql: `
      CREATE TABLE emergencies (
        id TEXT PRIMARY KEY,
        preset TEXT,
        tone TEXT NOT NULL,
        title_json TEXT NOT NULL,
        body_json TEXT NOT NULL,
        venue_ids_json TEXT NOT NULL,
        raised_at INTEGER NOT NULL,
        raised_by TEXT NOT NULL,
        -- set once the last of its venues is cleared
        cleared_at INTEGER
      );
      -- what each venue's devices must show: a restarted hub reads it, so the notice stays until cleared
      CREATE TABLE venue_emergencies (
        venue_id TEXT PRIMARY KEY REFERENCES venues(id),
        revision INTEGER NOT NULL,
        emergency_id TEXT REFERENCES emergencies(id)
      );
    `,
  },
  {
    version: 9,
    name: 'prize draws with their checkable record; award categories, winners and the ceremony’s step',
    sql: `
      CREATE TABLE draws (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        prize TEXT NOT NULL,
        pool_json TEXT NOT NULL,
        include_past_winners INTEGER NOT NULL,
        pool_size INTEGER NOT NULL,
        -- SHA-256 of the sorted member ids joined with a line feed; members_json keeps that list,
        -- so the hash and the winners can be checked against it at any time
        pool_hash TEXT NOT NULL,
        members_json TEXT NOT NULL,
        winner_count INTEGER NOT NULL,
        random_source TEXT NOT NULL,
        -- masked names the screens roll through before the reveal
        sample_json TEXT NOT NULL,
        revision INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revealed_at INTEGER
      );
      CREATE INDEX draws_by_day ON draws(day, created_at);
      CREATE TABLE draw_winners (
        draw_id TEXT NOT NULL REFERENCES draws(id),
        position INTEGER NOT NULL,
        member_id TEXT NOT NULL,
        -- as screens may show them: a nickname or a masked real name, a masked number
        display_name TEXT NOT NULL,
        masked_mobile TEXT,
        PRIMARY KEY (draw_id, position),
        UNIQUE (draw_id, member_id)
      );
      CREATE INDEX draw_winners_by_member ON draw_winners(member_id);
      CREATE TABLE award_categories (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        title_en TEXT NOT NULL
      );
      CREATE TABLE award_winners (
        category_id TEXT NOT NULL REFERENCES award_categories(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        unit TEXT NOT NULL,
        PRIMARY KEY (category_id, position)
      );
      -- one row: the step the MC has clicked to (-1: not started) and the revision every change bumps
      CREATE TABLE award_ceremony (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        step INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      INSERT INTO award_ceremony (id, step, revision, updated_at) VALUES (1, -1, 0, 0);
    `,
  },
  {
    version: 10,
    name: 'running order: programme items and the MC’s pointer',
    sql: `
      -- the day's items; start as minutes after midnight on the event day (Beijing time)
      CREATE TABLE programme_items (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        title_en TEXT NOT NULL DEFAULT '',
        performers TEXT NOT NULL DEFAULT '',
        start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
        length_min INTEGER NOT NULL CHECK (length_min BETWEEN 1 AND 240),
        scene_json TEXT NOT NULL,
        group_ids_json TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL
      );
      -- one row: which item is on (the MC's pointer), since when, and the revision every change bumps
      CREATE TABLE programme_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        revision INTEGER NOT NULL,
        current_id TEXT,
        started_at INTEGER
      );
      INSERT INTO programme_state (id, revision) VALUES (1, 0);
    `,
  },
  {
    version: 11,
    name: 'uploaded media files, switch times of takes, groups that follow the main stage',
    sql: `
      -- an uploaded file: stored as DATA_DIR/media/<sha256>.<ext>, one row per distinct content
      CREATE TABLE media_files (
        media_id TEXT PRIMARY KEY REFERENCES media(id),
        sha256 TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL CHECK (type IN ('mp4', 'webm', 'jpeg', 'png')),
        bytes INTEGER NOT NULL,
        name TEXT NOT NULL,
        uploaded_at INTEGER NOT NULL,
        uploaded_by TEXT NOT NULL
      );
      -- when screens put a program on air (hub clock); a loop counts from it
      ALTER TABLE stage_slots ADD COLUMN switch_at INTEGER;
      -- 'main': the group mirrors the main stage's program
      ALTER TABLE display_groups ADD COLUMN follow TEXT NOT NULL DEFAULT 'own' CHECK (follow IN ('own', 'main'));
    `,
  },
  {
    version: 12,
    name: 'a live session counts its MC steps apart from every change clients see',
    sql: `
      -- step: moved by the MC's buttons only (a press names it); revision: every change a client
      -- sees (arrivals, renames, a turning join code), so clients apply strictly newer states
      ALTER TABLE live_sessions ADD COLUMN step INTEGER NOT NULL DEFAULT 0;
      UPDATE live_sessions SET step = revision;
    `,
  },
  {
    version: 13,
    name: 'the event itself: its setup and logo',
    sql: `
      -- one row: what the organiser set up (name, day, theme, organiser, hotlines as JSON) and the
      -- logo (a small PNG or JPEG, kept in the store so the setup moves with it)
      CREATE TABLE event (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        revision INTEGER NOT NULL,
        setup_json TEXT NOT NULL,
        logo BLOB,
        logo_type TEXT CHECK (logo_type IN ('png', 'jpeg')),
        logo_sha256 TEXT
      );
    `,
  },
  {
    version: 14,
    name: 'venues set up in the console: their unit and address; venues, groups and points retired, not deleted',
    sql: `
      ALTER TABLE venues ADD COLUMN unit TEXT NOT NULL DEFAULT '';
      ALTER TABLE venues ADD COLUMN address TEXT NOT NULL DEFAULT '';
      -- retired: hidden from every picker, kept for the history that refers to it (devices, check-ins, scenes)
      ALTER TABLE venues ADD COLUMN retired_at INTEGER;
      ALTER TABLE display_groups ADD COLUMN retired_at INTEGER;
      ALTER TABLE checkpoints ADD COLUMN retired_at INTEGER;
    `,
  },
  {
    version: 15,
    name: 'liaison persons: contact fields of staff accounts; one-time passwords changed at first sign-in',
    sql: `
      ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
      -- the liaison list's columns, one row per person; personal data, shown masked to all but admins
      CREATE TABLE staff_contacts (
        account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
        unit TEXT NOT NULL,
        department TEXT NOT NULL,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        mobile TEXT NOT NULL UNIQUE,
        office_phone TEXT NOT NULL,
        wechat TEXT NOT NULL,
        fax TEXT NOT NULL,
        email TEXT NOT NULL,
        -- the order of the list as last imported
        sort INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
];
