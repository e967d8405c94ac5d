"""Every tunable of banscreen in one place: memo-cache sizes, batch sizes and input limits.

Each is a number the code would otherwise bury where it is used. None changes a decision:
they bound memory, set how work is split, and refuse input too large to hold. The README's
"Tunables" table lists them all (a test checks it).
"""

from __future__ import annotations

# Memo caches. Names, tokens, sound keys, candidate offers, matches and decisions are
# remembered per distinct value, because files repeat their counterparties; each cache holds
# at most this many entries (lru_cache evicts the least recent; the engine's own caches are
# emptied when full and refill).
CACHE_ENTRIES = 1 << 16
# Decoded records kept per table of the stored name index (match/tables.py): a record not
# kept is read again from the mapped file, which costs a few microseconds.
STORED_RECORDS = 1 << 12
# A table of the stored index with at most this many records is read whole on first use
# (some milliseconds), so that a key it does not hold costs a dict lookup, not a read.
WHOLE_TABLE_RECORDS = STORED_RECORDS
# Folded texts kept by the normaliser: a name is folded several times while its form is
# made, so only the last few are needed; longer texts (free text) are never kept.
FOLDS_KEPT = 64
FOLD_KEPT_CHARS = 512
# Free text longer than this is decided without remembering its decision.
CACHEABLE_TEXT = 4096
# The repeat lane (batch/lane.py): written cells kept per kind (by period, for any date),
# and the longest counterparty key kept, in characters.
LANE_KEYS = 1 << 17
LANE_KEY_CHARS = 4096

# Batches.
CHUNK_ROWS = 4096  # rows per chunk sent to a worker process (`screen --workers`)
WRITE_ROWS = 64  # rows per chunk handed to the writer in one process
CHECKPOINT_ROWS = 5000  # a resumable run records how far it got this often
STAGE_ROWS = 8192  # rows per Parquet batch when spark-screen stages a CSV or JSON-lines file
PROGRESS_EVERY = 2000  # a job's progress is written to the store this often
ALERT_PART = 2000  # a job's alerted rows recorded in one database transaction, at most

# Normalising a large registry's names on every core (match/fanout.py): from this many
# names, in chunks of this many per task.
FANOUT_NAMES = 20_000
FANOUT_CHUNK = 2_000

# Input limits.
SAMPLE_BYTES = 1 << 20  # bytes read to detect a file's encoding
EXTRA_FIELD_LIMIT = 1 << 20  # characters of an extra input column carried to the output
NAME_LIMIT = 4096  # characters of a name: a counterparty's, a listed party's, one looked up
MAX_EXTRA_COLUMNS = 1000  # unknown input columns carried to the output
MAX_BODY = 2 * 1024 * 1024  # bytes of an API request body
MAX_JOB_BODY = 512 * 1024 * 1024  # bytes of a job's file (screened from disk)
MAX_BATCH = 1000  # transactions in one POST /v1/screen
SESSION_SECONDS = 8 * 3600  # a review-UI session
REQUEST_HEAD_SECONDS = 10.0  # for a request's line and headers to arrive
REQUEST_BODY_SECONDS = 15.0  # between two parts of a request's body
KEEP_ALIVE_SECONDS = 5  # an idle kept-alive connection is closed after
INLINE_ROWS = 20  # a POST /v1/screen of at most this many rows is decided on the event loop
GROUP_COMMIT_MAX = 256  # screenings kept in one transaction by the service's writer, at most
ACCEPT_DAYS = 180  # a clearance's life unless the analyst chooses another
ACCEPT_DAYS_MAX = 730  # the longest a clearance may be given
