-- Credentials written inside a store's URL move to the store's username and write-only password; the URL keeps no userinfo.
WITH legacy AS (
  SELECT id, substring(config->>'url' FROM '^rediss?://([^@/?#]*)@') AS userinfo
  FROM "store_integration"
  WHERE config->>'url' ~ '^rediss?://[^@/?#]*@'
),
split AS (
  SELECT id,
         CASE WHEN strpos(userinfo, ':') > 0 THEN left(userinfo, strpos(userinfo, ':') - 1) ELSE userinfo END AS raw_user,
         CASE WHEN strpos(userinfo, ':') > 0 THEN substr(userinfo, strpos(userinfo, ':') + 1) END AS raw_password
  FROM legacy
),
decoded AS (
  SELECT id,
         (SELECT convert_from(string_agg(CASE WHEN m[1] IS NOT NULL THEN decode(m[1], 'hex') ELSE convert_to(m[2], 'UTF8') END,
                                         ''::bytea ORDER BY n), 'UTF8')
          FROM regexp_matches(raw_user, '%([0-9A-Fa-f]{2})|([^%]+|%)', 'g') WITH ORDINALITY AS t(m, n)) AS username,
         (SELECT convert_from(string_agg(CASE WHEN m[1] IS NOT NULL THEN decode(m[1], 'hex') ELSE convert_to(m[2], 'UTF8') END,
                                         ''::bytea ORDER BY n), 'UTF8')
          FROM regexp_matches(raw_password, '%([0-9A-Fa-f]{2})|([^%]+|%)', 'g') WITH ORDINALITY AS t(m, n)) AS password
  FROM split
)
UPDATE "store_integration" s
SET config = jsonb_set(s.config, '{url}', to_jsonb(regexp_replace(s.config->>'url', '^(rediss?://)[^@/?#]*@', '\1')))
             || CASE WHEN coalesce(d.username, '') <> '' AND s.config->>'username' IS NULL
                     THEN jsonb_build_object('username', d.username) ELSE '{}'::jsonb END,
    password = CASE WHEN coalesce(s.password, '') = '' AND coalesce(d.password, '') <> '' THEN d.password ELSE s.password END
FROM decoded d
WHERE d.id = s.id;

-- A URL's query string or fragment (ioredis read options, a password among them, from it) is dropped: nothing reads it now.
UPDATE "store_integration"
SET config = jsonb_set(config, '{url}', to_jsonb(regexp_replace(config->>'url', '[?#].*$', '')))
WHERE config->>'url' ~ '[?#]';

-- Audit entries of stores written before: the same URLs without their credentials.
UPDATE "audit_entry"
SET previous_version = regexp_replace(regexp_replace(previous_version::text, '(rediss?://)[^@/?#"]*@', '\1', 'g'),
                                      '([?&]password=)[^&#"]*', '\1[redacted]', 'gi')::jsonb,
    current_version = regexp_replace(regexp_replace(current_version::text, '(rediss?://)[^@/?#"]*@', '\1', 'g'),
                                     '([?&]password=)[^&#"]*', '\1[redacted]', 'gi')::jsonb
WHERE kind = 'integration';

-- Hosts in the app's canonical spelling (lower case, IPv6 without brackets), as the target key compares them.
UPDATE "store_integration"
SET config = jsonb_set(config, '{host}', to_jsonb(lower(trim(BOTH '[]' FROM config->>'host'))))
WHERE config->>'host' IS NOT NULL;

-- AlterTable
ALTER TABLE "store_integration" ADD COLUMN "target_key" TEXT;

-- One store per target: of stores that share one, the oldest keeps it; the others are turned off and say why.
WITH targets AS (
  SELECT id, created_at,
         coalesce(config->>'host', '127.0.0.1') || '|' || coalesce(config->>'port', '6379') || '|' ||
         coalesce(config->>'db', substring(config->>'url' FROM '^rediss?://[^/?#]*/(\d{1,3})(?:$|[?#])'), '0') || '|' ||
         coalesce(config->>'prefix', 'launchdarkly') AS target_key
  FROM "store_integration"
),
ranked AS (
  SELECT id, target_key, row_number() OVER (PARTITION BY target_key ORDER BY created_at, id) AS rank FROM targets
)
UPDATE "store_integration" s
SET target_key = CASE WHEN r.rank = 1 THEN r.target_key END,
    "on" = CASE WHEN r.rank = 1 THEN s."on" ELSE false END,
    last_error = CASE WHEN r.rank = 1 THEN s.last_error
                      ELSE 'Turned off: another store writes to the same Redis target (host, port, database, prefix)' END,
    last_error_at = CASE WHEN r.rank = 1 THEN s.last_error_at ELSE now() END
FROM ranked r
WHERE r.id = s.id;

-- CreateIndex
CREATE UNIQUE INDEX "store_integration_target_key_key" ON "store_integration"("target_key");
