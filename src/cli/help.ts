export const ENVIRONMENT = `Environment:
  KOE_DATA_DIR   embedded database directory (default ./data)
  DATABASE_URL   postgres://… to use PostgreSQL instead of the embedded database
  PORT, HOST, PUBLIC_URL, KOE_SECRET, SMTP_URL, LOG_LEVEL
  KOE_DEMO=0     do not create the demo workspace on an empty embedded database
  KOE_WEB_BUILD=0  do not build the web app when it is missing`;

export const HELP = `koe — Koe (声) customer-experience platform

Usage: koe <command> [options]

Commands:
  serve                 HTTP server and job worker (what npm start runs)
  worker                job worker only
  migrate               apply database migrations and exit
  workspace create      create a workspace with its owner and an admin API key
  demo                  fill a workspace with bilingual demo data
  import                import conversations or survey responses from CSV (koe import --help)
  export                export conversations or survey responses as CSV (koe export --help)
  metrics               support and satisfaction figures for a period (koe metrics --help)
  rollups rebuild       rebuild the daily rollups the dashboards read

Every command takes --json (one JSON object on stdout) and --help.
While \`koe serve\` runs on the embedded database, the other commands are
carried out by that server (they never open its data directory themselves).

${ENVIRONMENT}`;

export const WORKSPACE_CREATE_HELP = `Usage: koe workspace create --name NAME --owner-email EMAIL [options]

Creates a workspace, its owner (or makes an existing account its owner) and an
admin API key, shown once.

Options:
  --name NAME              workspace name (required)
  --owner-email EMAIL      the owner's email address (required)
  --owner-name NAME        the owner's display name
  --owner-password PW      the owner's password (8+ characters); when omitted a
                           password is generated and printed once
  --time-zone ZONE         IANA time zone for reports (default Asia/Tokyo)
  --locale ja|en           default language (default ja)
  --json                   print {"workspaceId","apiKey","ownerId","ownerEmail","name"[,"ownerPassword"]}`;

export const DEMO_HELP = `Usage: koe demo [options]

Fills a workspace with realistic, deterministic demo data in Japanese (about
70 %) and English: agents, teams, companies, customers, reply scripts and
conversations on every channel.

Options:
  --days N            spread conversations over the last N days (default 30)
  --conversations N   number of conversations (default 200)
  --workspace ID      fill this workspace instead of creating a new demo workspace
  --seed S            random seed; the same seed gives the same demo (default koe)
  --now ISO           "today" for the demo (default: the clock), for identical runs
  --json              print {"workspaceId","conversations","messages","contacts","companies","login",…}`;

export const MIGRATE_HELP = `Usage: koe migrate [--json]

Applies pending database migrations and exits.`;

export const SERVE_HELP = `Usage: koe serve | koe worker

serve: the HTTP server (API, web app) and the job worker.
worker: the job worker only (for extra workers beside PostgreSQL).

${ENVIRONMENT}`;

export const ROLLUPS_HELP = `Usage: koe rollups rebuild --workspace ID [--changed] [--json]

Rebuilds the daily rollups that dashboards, \`koe metrics\` and the API read, from
the raw conversations and responses. Koe keeps them current by itself (every write
notes the days it touched, and reads refresh those days first); run this after
restoring a backup or to measure a full rebuild. Shows progress by day.

Options:
  --workspace ID   the workspace (required)
  --changed        only the days writes touched since the last refresh
  --json           print {"workspaceId","days","full","seconds"}`;

export const METRICS_HELP = `Usage: koe metrics --workspace ID --from YYYY-MM-DD --to YYYY-MM-DD [options]

Prints every support and satisfaction figure of the period (CSAT, NPS, CES, response
rate, first response / reply / resolution times, FCR, one-touch, reopen rate, volume)
with n and 95 % intervals, exactly as GET /api/v1/metrics computes them. Dates are
local to the workspace's time zone, both included.

Options:
  --workspace ID        the workspace (required)
  --from, --to DATE     the period, e.g. --from 2025-04-01 --to 2025-04-30 (required;
                        less than 3 years)
  --by DIMENSION        one row per channel, agent, team, tag, company, touchpoint,
                        or per day, week (from Monday) or month
  --business-hours      durations in business hours instead of calendar time
  --compare             change against the previous period of the same length
                        (p-values; significant when p < 0.05)
  --channel, --agent ID, --team ID, --tag, --company ID, --touchpoint
                        filters; repeat a flag for several values (OR-ed)
  --segment ID          contacts of a saved segment
  --json                print the report as JSON (the API's MetricsReport)`;
